import { describe, expect, it } from 'vitest'
import { setExamPricing } from '../../src/db/catalogue/exam-prices.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  call,
  expectOk,
  expectProblem,
  instant,
  registerCandidate,
  reportResult,
  useApi,
} from './api-harness.js'

interface Preview {
  accepted: boolean
  refusal: { code: string } | null
  does: string | null
  keeps: string[]
  price: { dueCents: number } | null
}

/** The offer as it stood in the autumn of 2008, through the whole stack. */
describe.each(testDatabases())('Second Shot 2008 on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  async function world() {
    const w = get()
    for (const number of ['70-620', '70-621', '72-100']) {
      expectOk(await call(w, 'POST', '/v1/exams', { number, title: `Exam ${number}` }), 201)
    }
    for (const number of ['070-620', '070-621', '072-100']) {
      await setExamPricing(w.db, number, {
        priceClass: number.startsWith('072') ? 'academic' : 'regular',
        prices: [{ currency: 'USD', cents: 12_500 }],
      })
      await deliver(w.db, 'prometric', [number])
      await deliver(w.db, 'pearson-vue', [number])
    }
    w.clock.set(instant('2008-10-01T10:00:00Z'))
    const prometric = await createCentre(w.db)
    const vue = await createCentre(w.db, { providerId: 'pearson-vue' })
    const lea = await registerCandidate(w)
    const code = expectOk<{ code: string; offer: { version: number } }>(
      await call(w, 'POST', '/v1/offers/second-shot/enrolments', { candidateId: lea }, 'support'),
      201,
    )
    expect(code.offer.version).toBe(1)
    return { w, prometric, vue, lea, code: code.code }
  }

  const preview = (
    w: ApiWorld,
    code: string,
    lea: string,
    exam: string,
    slot: string,
    extra = '',
  ) =>
    call(
      w,
      'GET',
      `/v1/vouchers/${code}/preview?candidateId=${lea}&exam=${exam}&slotId=${slot}${extra}`,
      undefined,
      // Support previews at any provider's seat; a provider token only at its own.
      'support',
    )

  it('is Prometric only, card only, and not for academic exams, and says so before booking', async () => {
    const { w, prometric, vue, lea, code } = await world()
    const atVue = await createSlot(w.db, vue, instant('2008-11-03T09:00:00Z'))
    const atPrometric = await createSlot(w.db, prometric, instant('2008-11-03T09:00:00Z'))
    expect(expectOk<Preview>(await preview(w, code, lea, '70-620', atVue)).refusal?.code).toBe(
      'PROVIDER_NOT_COVERED',
    )
    expect(
      expectOk<Preview>(await preview(w, code, lea, '72-100', atPrometric)).refusal?.code,
    ).toBe('EXAM_NOT_COVERED')
    expect(
      expectOk<Preview>(
        await preview(w, code, lea, '70-620', atPrometric, '&paymentMethod=company-voucher'),
      ).refusal?.code,
    ).toBe('PAYMENT_METHOD_NOT_ACCEPTED')
    const body = { candidateId: lea, exam: '70-620', slotId: atPrometric, voucherCode: code }
    expectProblem(
      await call(
        w,
        'POST',
        '/v1/registrations',
        { ...body, payment: { method: 'company-voucher' } },
        'provider',
        { 'idempotency-key': 'a' },
      ),
      409,
      'PAYMENT_METHOD_NOT_ACCEPTED',
    )
    expectOk(
      await call(
        w,
        'POST',
        '/v1/registrations',
        { ...body, payment: { method: 'card' } },
        'provider',
        { 'idempotency-key': 'b' },
      ),
      201,
    )
  })

  it('after a pass gives 25 % off one more exam booked before 1 March 2009, and says it includes no free retake', async () => {
    const { w, prometric, lea, code } = await world()
    const first = await createSlot(w.db, prometric, instant('2008-11-03T09:00:00Z'))
    const registration = expectOk<{ id: string }>(
      await call(
        w,
        'POST',
        '/v1/registrations',
        {
          candidateId: lea,
          exam: '70-620',
          slotId: first,
          voucherCode: code,
          payment: { method: 'card' },
        },
        'provider',
        { 'idempotency-key': 'first' },
      ),
      201,
    )
    w.clock.set(instant('2008-11-03T12:00:00Z'))
    expectOk(await reportResult(w, registration.id, 'pass'))

    const next = await createSlot(w.db, prometric, instant('2009-03-10T09:00:00Z'))
    w.clock.set(instant('2009-02-20T10:00:00Z'))
    const seen = expectOk<Preview>(await preview(w, code, lea, '70-621', next))
    expect(seen).toMatchObject({ accepted: true, price: { dueCents: 9_375 } })
    expect(seen.does).toContain('includes no free retake')
    w.clock.set(instant('2009-03-01T00:00:00Z'))
    expect(expectOk<Preview>(await preview(w, code, lea, '70-621', next)).refusal?.code).toBe(
      'CODE_ALREADY_USED',
    )
  })
})
