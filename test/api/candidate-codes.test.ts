import { describe, expect, it } from 'vitest'
import { newVoucher } from '../../src/app/vouchers/new-voucher.js'
import { insertVoucher } from '../../src/db/vouchers/vouchers.js'
import { STUDY_BOOK_DISCOUNT } from '../../src/demo/demo-offers.js'
import { createSlot } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import {
  book,
  call,
  expectOk,
  expectProblem,
  instant,
  registerCandidate,
  reportResult,
  useApi,
} from './api-harness.js'
import { enrol, world } from './voucher-world.js'

interface HeldCode {
  code: string
  offer: { id: string; name: string }
  state: string
  firstAttemptsLeft: number | null
  usesLeft: number | null
  freeRetakes: string[]
  canStill: string[]
  coversExam: boolean | null
  expiresAtLocal: string | null
  uses: { registrationId: string; exam: string; kind: string; state: string }[]
}

describe.each(testDatabases())("a candidate's codes on $name", ({ open }) => {
  const get = useApi(open, { demo: false })

  it('lists each code with what it can still do, as it is used', async () => {
    const { w, centre } = await world(get)
    const lea = await registerCandidate(w)
    const other = await registerCandidate(w)
    const code = await enrol(w, lea)
    const codes = async (candidateId = lea) =>
      expectOk<{ items: HeldCode[]; total: number }>(
        await call(w, 'GET', `/v1/candidates/${candidateId}/codes`, undefined, 'support'),
      )

    const fresh = await codes()
    expect(fresh.total).toBe(1)
    expect(fresh.items[0]).toMatchObject({
      code,
      offer: { id: 'second-shot' },
      state: 'usable',
      firstAttemptsLeft: 1,
      freeRetakes: [],
      uses: [],
    })
    expect(fresh.items[0]?.canStill[0]).toMatch(
      /^Book a first attempt at 1 more exam it covers until /,
    )
    expect(fresh.items[0]?.expiresAtLocal).toMatch(/ [A-Za-z_]+\/[A-Za-z_]+$|UTC$/)
    expect((await codes(other)).items).toEqual([])

    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    const registration = expectOk<{ id: string }>(
      await book(
        w,
        { candidateId: lea, slotId: slot, voucherCode: code, payment: { method: 'card' } },
        'r1',
      ),
      201,
    )
    w.clock.set(instant('2026-10-01T12:00:00Z'))
    expectOk(await reportResult(w, registration.id, 'fail'))

    const afterFail = (await codes()).items[0]
    expect(afterFail).toMatchObject({
      state: 'usable',
      firstAttemptsLeft: 0,
      freeRetakes: ['070-620'],
      uses: [
        {
          registrationId: registration.id,
          exam: '070-620',
          kind: 'first-attempt',
          state: 'failed',
        },
      ],
    })
    expect(afterFail?.canStill).toEqual([
      expect.stringMatching(/^Book a free retake of 070-620 until /),
    ])

    const retakeSlot = await createSlot(w.db, centre, instant('2026-10-20T09:00:00Z'))
    expectOk(await book(w, { candidateId: lea, slotId: retakeSlot, voucherCode: code }, 'r2'), 201)
    const usedUp = (await codes()).items[0]
    expect(usedUp).toMatchObject({ state: 'used-up', freeRetakes: [] })
    expect(usedUp?.canStill).toEqual(['Everything this code gives has been used.'])
  })

  it('says of each code whether its offer covers an exam, when asked about one', async () => {
    const { w } = await world(get)
    expectOk(await call(w, 'POST', '/v1/exams', { number: '77-727', title: 'Excel 2016' }), 201)
    const lea = await registerCandidate(w)
    await enrol(w, lea)
    const covers = async (query: string) =>
      expectOk<{ items: HeldCode[] }>(
        await call(w, 'GET', `/v1/candidates/${lea}/codes${query}`, undefined, 'support'),
      ).items.map((held) => held.coversExam)
    // Second Shot 2026 covers regular-priced 070, 071 and 098 exams.
    expect(await covers('')).toEqual([null])
    expect(await covers('?exam=70-620')).toEqual([true])
    expect(await covers('?exam=077-727')).toEqual([false])
    expectProblem(
      await call(w, 'GET', `/v1/candidates/${lea}/codes?exam=70-999`, undefined, 'support'),
      404,
      'EXAM_NOT_FOUND',
      'exam',
    )
    expectProblem(
      await call(w, 'GET', `/v1/candidates/${lea}/codes?exam=7O-620`, undefined, 'support'),
      400,
      'EXAM_NUMBER_MALFORMED',
      'exam',
    )
  })

  it('pages, answers 404 for an unknown candidate, and is not a provider’s to read', async () => {
    const { w } = await world(get)
    const lea = await registerCandidate(w)
    await enrol(w, lea)
    const book = newVoucher(
      STUDY_BOOK_DISCOUNT,
      { candidateId: lea, issuedBy: 'test' },
      w.clock.now() + 1,
    )
    await insertVoucher(w.db, book)
    const page = expectOk<{ items: HeldCode[]; total: number }>(
      await call(w, 'GET', `/v1/candidates/${lea}/codes?limit=1`, undefined, 'admin'),
    )
    expect(page.total).toBe(2)
    // Newest first: the study-book code was issued after the enrolment.
    expect(page.items).toMatchObject([
      { offer: { id: 'study-book-15' }, state: 'usable', usesLeft: 1 },
    ])
    expectProblem(
      await call(w, 'GET', '/v1/candidates/nobody/codes', undefined, 'support'),
      404,
      'CANDIDATE_NOT_FOUND',
    )
    expectProblem(
      await call(w, 'GET', `/v1/candidates/${lea}/codes`, undefined, 'provider'),
      403,
      'FORBIDDEN',
    )
  })
})
