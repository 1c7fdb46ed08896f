import { describe, expect, it } from 'vitest'
import { newVoucher } from '../../src/app/vouchers/new-voucher.js'
import { insertVoucher } from '../../src/db/vouchers/vouchers.js'
import { STUDY_BOOK_DISCOUNT } from '../../src/demo/demo-offers.js'
import { formatVoucherCode } from '../../src/domain/voucher-code.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { createCandidate } from '../factories/catalogue.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  expectProblem,
  NOW,
  registerCandidate,
  useApi,
} from './api-harness.js'

interface Found {
  readonly id: string
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  readonly country: string
  readonly timeZone: string
  readonly matchedBy: string
}

interface SearchPage {
  readonly items: readonly Found[]
  readonly hasMore: boolean
}

const DAY_MS = 86_400_000

function search(w: ApiWorld, q: string, paging = '', role: 'support' | 'admin' = 'support') {
  return call(w, 'GET', `/v1/candidates?q=${encodeURIComponent(q)}${paging}`, undefined, role)
}

async function found(w: ApiWorld, q: string, paging = ''): Promise<SearchPage> {
  return expectOk<SearchPage>(await search(w, q, paging))
}

/** Who a search found, as `matchedBy: First Last`. */
async function names(w: ApiWorld, q: string, paging = ''): Promise<string[]> {
  return (await found(w, q, paging)).items.map(
    (item) => `${item.matchedBy}: ${item.firstName} ${item.lastName}`,
  )
}

describe.each(testDatabases())('finding a candidate in one box ($name)', ({ open }) => {
  const world = useApi(open)

  it('finds a candidate by id, email, registration id and voucher code in any spelling, saying why', async () => {
    const w = world()
    const lea = await registerCandidate(w)
    await deliver(w.db, 'prometric', ['070-620'])
    const slot = await createSlot(w.db, await createCentre(w.db), NOW + 10 * DAY_MS)
    const registration = expectOk<{ id: string }>(
      await book(w, { candidateId: lea, slotId: slot, payment: { method: 'card' } }, 'search-1'),
      201,
    ).id
    const voucher = newVoucher(STUDY_BOOK_DISCOUNT, { candidateId: lea, issuedBy: 'test' }, NOW)
    await insertVoucher(w.db, voucher)
    const code = formatVoucherCode(voucher.code)
    const bare = registration.replaceAll('-', '').toLowerCase()
    for (const [q, matchedBy] of [
      [lea, 'id'],
      [` ${lea.toUpperCase()} `, 'id'],
      ['LEA.MARTIN@example.FR', 'email'],
      [registration, 'registration'],
      [bare, 'registration'],
      [`{${bare.slice(0, 4)} ${bare.slice(4)}}`, 'registration'],
      [code.toLowerCase().replaceAll('-', ' '), 'code'],
      [code.replaceAll('-', ''), 'code'],
      ['léa', 'name'],
    ] as const) {
      const page = await found(w, q)
      expect(page.items, q).toEqual([
        {
          id: lea,
          firstName: 'Léa',
          lastName: 'Martin',
          email: 'lea.martin@example.fr',
          country: 'FR',
          timeZone: 'Europe/Paris',
          matchedBy,
        },
      ])
      expect(page.hasMore).toBe(false)
    }
    // An email is compared whole: a part of one finds nothing.
    expect(await names(w, 'lea.martin@example')).toEqual([])
  })

  it('finds names with accents and case ignored, by partial words in any order, all of them', async () => {
    const w = world()
    await registerCandidate(w, {
      firstName: 'Łukasz',
      lastName: 'Nowak-Wójcik',
      email: 'lnw@example.pl',
    })
    await registerCandidate(w, {
      firstName: 'Zoë',
      lastName: 'Ó Briain',
      email: 'zoe.obriain@example.ie',
    })
    await registerCandidate(w, {
      firstName: 'Søren',
      lastName: 'Kierkegaard',
      email: 'sk@example.dk',
    })
    expect(await names(w, 'lukasz')).toEqual(['name: Łukasz Nowak-Wójcik'])
    expect(await names(w, 'WOJC luk')).toEqual(['name: Łukasz Nowak-Wójcik'])
    expect(await names(w, 'o bri')).toEqual(['name: Zoë Ó Briain'])
    expect(await names(w, 'zoe obri')).toEqual(['name: Zoë Ó Briain'])
    expect(await names(w, 'soren kierk')).toEqual(['name: Søren Kierkegaard'])
    // Every typed word must match a word of the same candidate.
    expect(await names(w, 'soren nowak')).toEqual([])
    expect(await names(w, 'xyz')).toEqual([])
  })

  it('puts exact keys first, then whole words before longer ones, then by last and first name, each candidate once', async () => {
    const w = world()
    // A candidate whose id is a word of other candidates' names: found by id first, once.
    await createCandidate(w.db, {
      id: 'abad',
      firstName: 'Inés',
      lastName: 'Abad',
      email: 'ines@example.es',
    })
    for (const [firstName, lastName] of [
      ['Marco', 'Abad'],
      ['Maria', 'Marino'],
      ['Mar', 'Ortega'],
      ['Ana', 'Márquez'],
      ['Álvaro', 'Abad'],
    ] as const) {
      await registerCandidate(w, {
        firstName,
        lastName,
        email: `${firstName}.${lastName}@example.es`
          .normalize('NFKD')
          .replace(/\p{M}/gu, '')
          .toLowerCase(),
      })
    }
    expect(await names(w, 'mar')).toEqual([
      'name: Mar Ortega',
      'name: Marco Abad',
      'name: Maria Marino',
      'name: Ana Márquez',
    ])
    expect(await names(w, 'abad')).toEqual([
      'id: Inés Abad',
      'name: Álvaro Abad',
      'name: Marco Abad',
    ])
  })

  it('pages across the exact keys and the names, saying whether more follow', async () => {
    const w = world()
    await createCandidate(w.db, {
      id: 'abad',
      firstName: 'Inés',
      lastName: 'Abad',
      email: 'ines@example.es',
    })
    for (const firstName of ['Bea', 'Carla', 'Dora'])
      await registerCandidate(w, {
        firstName,
        lastName: 'Abad',
        email: `${firstName.toLowerCase()}@example.es`,
      })
    const pages = [
      await found(w, 'abad', '&limit=2'),
      await found(w, 'abad', '&limit=2&offset=2'),
      await found(w, 'abad', '&limit=2&offset=4'),
    ]
    expect(pages.map((page) => [page.items.map((item) => item.firstName), page.hasMore])).toEqual([
      [['Inés', 'Bea'], true],
      [['Carla', 'Dora'], false],
      [[], false],
    ])
    const oneByOne = await found(w, 'abad', '&limit=1&offset=1')
    expect([oneByOne.items.map((item) => item.firstName), oneByOne.hasMore]).toEqual([
      ['Bea'],
      true,
    ])
  })

  it('finds a candidate by their new name once it changes, and no longer by the old one', async () => {
    const w = world()
    const lea = await registerCandidate(w, { email: 'lm@example.fr' })
    expectOk(
      await call(
        w,
        'PATCH',
        `/v1/candidates/${lea}`,
        {
          lastName: 'Dubois',
          channel: 'phone',
          onBehalfReason: 'Married in May',
        },
        'support',
      ),
    )
    expect(await names(w, 'lea dubois')).toEqual(['name: Léa Dubois'])
    expect(await names(w, 'lea martin')).toEqual([])
    // The email's local part still finds her, as it was.
    expect(await names(w, 'lm dub')).toEqual(['name: Léa Dubois'])
  })

  it('is for staff: a provider and an empty box are refused', async () => {
    const w = world()
    expectProblem(
      await call(w, 'GET', '/v1/candidates?q=lea', undefined, 'provider'),
      403,
      'FORBIDDEN',
    )
    expectProblem(await search(w, '   '), 400, 'VALIDATION_FAILED')
    expectProblem(
      await call(w, 'GET', '/v1/candidates', undefined, 'admin'),
      400,
      'VALIDATION_FAILED',
    )
    expect((await found(w, '{}')).items).toEqual([])
  })
})
