import { describe, expect, it } from 'vitest'
import { setExamPricing } from '../../src/db/catalogue/exam-prices.js'
import { createSlot, deliver } from '../factories/appointments.js'
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
import { enrol, preview, world } from './voucher-world.js'

interface Sentence {
  code: string
  params: Record<string, string | number | string[]>
}
interface Preview {
  accepted: boolean
  refusal: { code: string; reason: string; sentence: Sentence | null } | null
  does: string | null
  keeps: string[]
  sentences: { does: Sentence | null; keeps: Sentence[]; loses: Sentence[] }
  timeZone: string
}

describe.each(testDatabases())('code sentences in the preview on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it('gives what a code does and keeps, and why it is refused, as codes with their parameters', async () => {
    const { w, centre } = await world(get)
    const lea = await registerCandidate(w)
    const code = await enrol(w, lea)
    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))

    const first = expectOk<Preview>(await preview(w, code, lea, slot))
    expect(first.sentences.does).toEqual({
      code: 'FIRST_ATTEMPT_FULL_PRICE',
      params: { exam: '070-620' },
    })
    const retakeKept = first.sentences.keeps.find((kept) => kept.code.startsWith('RETAKE_IF'))
    expect(retakeKept?.params.exam).toBe('070-620')
    // The English text stays, made from the same sentences, one for one.
    expect(first.keeps).toHaveLength(first.sentences.keeps.length)
    expect(first.timeZone).not.toBe('')

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

    const retakeSlot = await createSlot(w.db, centre, instant('2026-10-20T09:00:00Z'))
    const retake = expectOk<Preview>(await preview(w, code, lea, retakeSlot))
    expect(retake.sentences.does).toEqual({
      code: 'FREE_RETAKE',
      params: { exam: '070-620', attemptAt: '2026-10-01T09:00:00.000Z' },
    })
    expect(retake.does).toContain('The free retake of 070-620')

    await call(w, 'POST', '/v1/exams', { number: '70-621', title: 'Pro: Vista Desktop Support' })
    await setExamPricing(w.db, '070-621', {
      priceClass: 'regular',
      prices: [{ currency: 'USD', cents: 16_500 }],
    })
    await deliver(w.db, 'prometric', ['070-621'])
    const other = expectOk<Preview>(
      await call(
        w,
        'GET',
        `/v1/vouchers/${code}/preview?candidateId=${lea}&exam=70-621&slotId=${retakeSlot}`,
        undefined,
        'provider',
      ),
    )
    expect(other.refusal).toEqual({
      code: 'RETAKE_OF_OTHER_EXAM',
      reason: expect.stringContaining('070-620 only'),
      sentence: {
        code: 'RETAKE_FOR_OTHER_EXAM',
        params: { retakeExams: ['070-620'], exam: '070-621' },
      },
    })

    // The registration's refusal carries the same sentence beside its English detail.
    const refused = expectProblem(
      await book(
        w,
        { candidateId: lea, slotId: retakeSlot, exam: '70-621', voucherCode: code },
        'r2',
      ),
      409,
      'RETAKE_OF_OTHER_EXAM',
    )
    expect(refused).toMatchObject({ sentence: { code: 'RETAKE_FOR_OTHER_EXAM' } })
  })
  it("refuses moving a booking past its code's expiry with the reason as a code and its parameters", async () => {
    const { w, centre } = await world(get)
    const lea = await registerCandidate(w)
    const enrolment = expectOk<{ code: string; expiresAt: string; offer: { name: string } }>(
      await call(w, 'POST', '/v1/offers/second-shot/enrolments', { candidateId: lea }, 'support'),
      201,
    )
    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    const booked = expectOk<{ id: string }>(
      await book(
        w,
        {
          candidateId: lea,
          slotId: slot,
          voucherCode: enrolment.code,
          payment: { method: 'card' },
        },
        'r1',
      ),
      201,
    )
    const afterExpiry = await createSlot(
      w.db,
      centre,
      instant(enrolment.expiresAt) + 24 * 60 * 60 * 1000,
    )
    const refused = expectProblem(
      await call(
        w,
        'POST',
        `/v1/registrations/${booked.id}/reschedule`,
        { slotId: afterExpiry },
        'provider',
      ),
      409,
      'CODE_EXPIRED',
    )
    expect(refused).toMatchObject({
      detail: expect.stringContaining('choose an earlier seat'),
      sentence: {
        code: 'MOVED_AFTER_EXPIRY',
        params: { offer: enrolment.offer.name, expiresAt: enrolment.expiresAt },
      },
    })
  })
})
