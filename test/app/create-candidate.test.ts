import { describe, expect, it } from 'vitest'
import {
  type CreateCandidateInput,
  createCandidate,
} from '../../src/app/candidates/create-candidate.js'
import { getCandidate } from '../../src/app/candidates/get-candidate.js'
import { testDatabases } from '../support/databases.js'
import { NOW, refusalOf, useSuiteDatabase } from './scenario.js'

const ANA: CreateCandidateInput = {
  firstName: 'Ana',
  lastName: 'Tupou',
  email: 'ana.tupou@example.com',
  country: 'NZ',
  timeZone: 'Pacific/Auckland',
}

describe.each(testDatabases())('create-candidate on $name', ({ open }) => {
  // Each test registers its own candidates: one database per engine serves them all.
  const { deps } = useSuiteDatabase(open)

  const register = (changes: Partial<CreateCandidateInput> = {}) =>
    createCandidate(deps(), { ...ANA, ...changes })

  async function candidateCount() {
    const row = await deps()
      .db.selectFrom('candidates')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }

  it('registers a candidate with normalised fields, and finds them by id', async () => {
    const candidate = await register({
      firstName: '  Ana ',
      lastName: ' Tupou',
      email: ' Ana.Tupou@Example.COM ',
      country: ' nz ',
      timeZone: 'pacific/auckland',
    })
    expect(candidate).toEqual({
      id: expect.any(String),
      firstName: 'Ana',
      lastName: 'Tupou',
      email: 'Ana.Tupou@example.com',
      country: 'NZ',
      timeZone: 'Pacific/Auckland',
      createdAt: NOW,
    })
    expect(await getCandidate(deps(), candidate.id)).toEqual(candidate)
  })

  it('gives every candidate its own id', async () => {
    const first = await register()
    const second = await register({ email: 'other@example.com' })
    expect(second.id).not.toBe(first.id)
  })

  it('refuses a country that is not an assigned ISO 3166-1 alpha-2 code', async () => {
    // XX is not assigned; the United Kingdom is GB, not UK; NZL is alpha-3.
    for (const country of ['XX', 'UK', 'NZL', '']) {
      expect(await refusalOf(register({ country }))).toMatchObject({
        code: 'COUNTRY_INVALID',
        field: 'country',
        facts: { value: country },
      })
    }
  })

  it('refuses a time zone that is not an IANA zone, fixed offsets included', async () => {
    for (const timeZone of ['Mars/Olympus', '+05:00', 'GMT+5', '']) {
      expect(await refusalOf(register({ timeZone }))).toMatchObject({
        code: 'TIME_ZONE_INVALID',
        field: 'timeZone',
        facts: { value: timeZone },
      })
    }
  })

  it('refuses an email that cannot be an address', async () => {
    for (const email of ['ana', 'ana@', '@example.com', 'ana@example', 'ana tupou@example.com']) {
      expect(await refusalOf(register({ email }))).toMatchObject({
        code: 'EMAIL_INVALID',
        field: 'email',
        facts: { value: email },
      })
    }
  })

  it('refuses empty names, naming which one, and stores nothing', async () => {
    const before = await candidateCount()
    expect(await refusalOf(register({ firstName: '' }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'firstName',
    })
    expect(await refusalOf(register({ lastName: '   ' }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'lastName',
    })
    expect(await candidateCount()).toBe(before)
  })

  it('refuses to find a candidate who does not exist', async () => {
    expect(await refusalOf(getCandidate(deps(), 'cand-nobody'))).toMatchObject({
      code: 'CANDIDATE_NOT_FOUND',
      field: 'candidateId',
      facts: { candidateId: 'cand-nobody' },
    })
  })
})
