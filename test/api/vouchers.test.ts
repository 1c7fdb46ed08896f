import { describe, expect, it } from 'vitest'
import { newVoucher } from '../../src/app/vouchers/new-voucher.js'
import { setExamPricing } from '../../src/db/catalogue/exam-prices.js'
import { insertVoucher } from '../../src/db/vouchers/vouchers.js'
import { STUDY_BOOK_DISCOUNT } from '../../src/demo/demo-offers.js'
import { formatVoucherCode, VOUCHER_CODE_ALPHABET } from '../../src/domain/voucher-code.js'
import { bookedSeats, createSlot, deliver } from '../factories/appointments.js'
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
import { ENROLMENT_DAY, enrol, guessedCode, preview, world } from './voucher-world.js'

interface Registration {
  id: string
  status: string
  paymentStatus: string
  price: {
    currency: string
    listCents: number
    dueCents: number
    lines: { code: string; cents: number }[]
  } | null
}
interface Preview {
  accepted: boolean
  refusal: { code: string; reason: string } | null
  does: string | null
  keeps: string[]
  loses: string[]
  requiresAcknowledgement: boolean
  price: Registration['price']
}

describe.each(testDatabases())('vouchers on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it('enrols, mails the code with its terms, and books a first attempt that waits for payment', async () => {
    const { w, centre } = await world(get)
    const lea = await registerCandidate(w)
    const code = await enrol(w, lea)
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}-[2-9A-HJKMNP-Z]{6}-[2-9A-HJKMNP-Z]{6}$/)
    const mail = await w.db
      .selectFrom('outbox')
      .selectAll()
      .where('kind', '=', 'voucher-issued')
      .execute()
    expect(mail).toHaveLength(1)
    expect(mail[0]!.body_text).toContain(code)

    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    const seen = expectOk<Preview>(
      await preview(w, code.toLowerCase().replaceAll('-', ' '), lea, slot),
    )
    expect(seen).toMatchObject({ accepted: true, requiresAcknowledgement: false })
    expect(seen.keeps.join(' ')).toContain('free retake of 070-620')
    expect(seen.price).toMatchObject({ listCents: 16_500, dueCents: 16_500 })

    const registration = expectOk<Registration>(
      await book(w, { candidateId: lea, slotId: slot, voucherCode: code }, 'r1'),
      201,
    )
    expect(registration).toMatchObject({ paymentStatus: 'due', price: { dueCents: 16_500 } })
    const confirmations = () =>
      w.db.selectFrom('outbox').select('id').where('kind', '=', 'registration-confirmed').execute()
    expect(await confirmations()).toHaveLength(0)

    // Not confirmed until paid: no sitting can be reported on it.
    w.clock.set(instant('2026-10-01T12:00:00Z'))
    expectProblem(await reportResult(w, registration.id, 'fail'), 409, 'PAYMENT_DUE')
    w.clock.set(ENROLMENT_DAY)
    const pay = (body: Record<string, unknown>) =>
      call(w, 'POST', `/v1/registrations/${registration.id}/payment`, body, 'provider')
    expectProblem(
      await pay({ method: 'company-voucher', currency: 'USD', cents: 16_500 }),
      409,
      'PAYMENT_METHOD_NOT_ACCEPTED',
    )
    expectProblem(
      await pay({ method: 'card', currency: 'USD', cents: 12_000 }),
      422,
      'PAYMENT_AMOUNT_MISMATCH',
    )
    const paid = expectOk<Registration>(
      await pay({ method: 'card', currency: 'USD', cents: 16_500, reference: 'auth-77' }),
    )
    expect(paid.paymentStatus).toBe('paid')
    expect(await confirmations()).toHaveLength(1)
    expectProblem(
      await pay({ method: 'card', currency: 'USD', cents: 16_500 }),
      409,
      'PAYMENT_NOT_DUE',
    )
  })

  it('books the free retake of the failed exam with the same code, and warns before a retake would lose it', async () => {
    const { w, centre } = await world(get)
    const lea = await registerCandidate(w)
    const code = await enrol(w, lea)
    const first = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    const registration = expectOk<Registration>(
      await book(
        w,
        { candidateId: lea, slotId: first, voucherCode: code, payment: { method: 'card' } },
        'r1',
      ),
      201,
    )
    expect(registration.paymentStatus).toBe('paid')
    w.clock.set(instant('2026-10-01T12:00:00Z'))
    expectOk(await reportResult(w, registration.id, 'fail'))

    const retakeSlot = await createSlot(w.db, centre, instant('2026-10-20T09:00:00Z'))
    // Booking the retake without the code would give the free retake up: refused unless acknowledged.
    const refused = expectProblem(
      await book(w, { candidateId: lea, slotId: retakeSlot }, 'r2'),
      409,
      'CODE_WOULD_FORFEIT',
    )
    expect(refused.detail).toContain('holds a free retake of 070-620')

    const seen = expectOk<Preview>(await preview(w, code, lea, retakeSlot))
    expect(seen).toMatchObject({ accepted: true, price: { dueCents: 0 } })
    const retake = expectOk<Registration>(
      await book(w, { candidateId: lea, slotId: retakeSlot, voucherCode: code }, 'r3'),
      201,
    )
    expect(retake).toMatchObject({
      paymentStatus: 'paid',
      price: { listCents: 16_500, dueCents: 0 },
    })

    // Cancelled within the window, the retake is given back and can be booked again.
    expectOk(await call(w, 'POST', `/v1/registrations/${retake.id}/cancel`, {}, 'provider'))
    const history = expectOk<{ history: { action: string }[] }>(
      await call(w, 'GET', `/v1/registrations/${retake.id}`),
    )
    expect(history.history.map((entry) => entry.action)).toContain('voucher-returned')
    expectOk(await book(w, { candidateId: lea, slotId: retakeSlot, voucherCode: code }, 'r4'), 201)
  })

  it('refuses to spend the free retake on another exam, in the preview as at registration', async () => {
    const { w, centre } = await world(get)
    const lea = await registerCandidate(w)
    await call(w, 'POST', '/v1/exams', { number: '70-621', title: 'Pro: Vista Desktop Support' })
    await setExamPricing(w.db, '070-621', {
      priceClass: 'regular',
      prices: [{ currency: 'USD', cents: 16_500 }],
    })
    await deliver(w.db, 'prometric', ['070-621'])
    const code = await enrol(w, lea)
    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    const registration = expectOk<Registration>(
      await book(
        w,
        { candidateId: lea, slotId: slot, voucherCode: code, payment: { method: 'invoice' } },
        'r1',
      ),
      201,
    )
    w.clock.set(instant('2026-10-01T12:00:00Z'))
    expectOk(await reportResult(w, registration.id, 'fail'))
    const later = await createSlot(w.db, centre, instant('2026-10-25T09:00:00Z'))
    const other = expectProblem(
      await book(w, { candidateId: lea, slotId: later, exam: '70-621', voucherCode: code }, 'r2'),
      409,
      'RETAKE_OF_OTHER_EXAM',
    )
    expect(other.detail).toContain('070-620 only')
    const seen = expectOk<Preview>(
      await call(
        w,
        'GET',
        `/v1/vouchers/${code}/preview?candidateId=${lea}&exam=70-621&slotId=${later}`,
        undefined,
        'provider',
      ),
    )
    expect(seen).toMatchObject({ accepted: false, refusal: { code: 'RETAKE_OF_OTHER_EXAM' } })
  })

  it('catches a typo before any lookup, and locks code entry after repeated wrong codes', async () => {
    const { w, centre } = await world(get)
    const lea = await registerCandidate(w)
    const code = await enrol(w, lea)
    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    const canonical = code.replaceAll('-', '')
    const swapped = `${canonical.charAt(1)}${canonical.charAt(0)}${canonical.slice(2)}`
    const typo =
      canonical[0] === canonical[1]
        ? code.replace(canonical[0]!, VOUCHER_CODE_ALPHABET[0]!)
        : swapped
    expectProblem(await preview(w, typo, lea, slot), 422, 'CODE_MISTYPED')
    expectProblem(await preview(w, 'O000-1111', lea, slot), 422, 'CODE_MISTYPED')

    // A brute-force run: well-formed guesses. After five wrong ones, nothing is looked up any more.
    const answers: string[] = []
    for (let i = 0; i < 40; i++) {
      const response = await preview(w, guessedCode(), lea, slot)
      answers.push(response.json().code)
    }
    expect(answers.slice(0, 5)).toEqual(Array(5).fill('CODE_NOT_FOUND'))
    expect(new Set(answers.slice(5))).toEqual(new Set(['TOO_MANY_ATTEMPTS']))
    // Even the right code waits while entry is locked, for registration too.
    expectProblem(await preview(w, code, lea, slot), 429, 'TOO_MANY_ATTEMPTS')
    expectProblem(
      await book(w, { candidateId: lea, slotId: slot, voucherCode: code }, 'r1'),
      429,
      'TOO_MANY_ATTEMPTS',
    )
    // Half an hour later it opens again.
    w.clock.set(ENROLMENT_DAY + 31 * 60_000)
    expectOk<Preview>(await preview(w, code, lea, slot))
  })

  it('answers a code issued to someone else exactly like an unknown code', async () => {
    const { w, centre } = await world(get)
    const lea = await registerCandidate(w)
    const tom = await registerCandidate(w, { firstName: 'Tom', email: 'tom@example.com' })
    const leasCode = await enrol(w, lea)
    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    expectProblem(await preview(w, leasCode, tom, slot), 404, 'CODE_NOT_FOUND')
  })

  it('lets exactly one of 50 concurrent registrations use a single-use code, and a cancellation returns it', async () => {
    const { w, centre } = await world(get)
    const voucher = newVoucher(
      STUDY_BOOK_DISCOUNT,
      { candidateId: null, issuedBy: 'test' },
      ENROLMENT_DAY,
    )
    await insertVoucher(w.db, voucher)
    const code = formatVoucherCode(voucher.code)
    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'), 100)
    const candidates: string[] = []
    for (let i = 0; i < 50; i++) {
      candidates.push(await registerCandidate(w, { email: `c${i}@example.com` }))
    }
    const responses = await Promise.all(
      candidates.map((candidateId, i) =>
        book(w, { candidateId, slotId: slot, voucherCode: code }, `k${i}`),
      ),
    )
    const statuses = responses.map((r) => r.statusCode)
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(
      new Set(responses.filter((r) => r.statusCode !== 201).map((r) => r.json().code)),
    ).toEqual(new Set(['CODE_ALREADY_USED']))
    expect(await bookedSeats(w.db, slot)).toBe(1)
    const winner = responses.find((r) => r.statusCode === 201)!.json() as Registration
    expect(winner.price).toMatchObject({ listCents: 16_500, dueCents: 14_025 })

    expectOk(await call(w, 'POST', `/v1/registrations/${winner.id}/cancel`, {}, 'provider'))
    const again = await book(
      w,
      { candidateId: candidates[0]!, slotId: slot, voucherCode: code },
      'again',
    )
    expect(again.statusCode).toBe(201)
  })

  it('does not combine Second Shot with the study-book discount', async () => {
    const { w, centre } = await world(get)
    const lea = await registerCandidate(w)
    const code = await enrol(w, lea)
    const book15 = newVoucher(
      STUDY_BOOK_DISCOUNT,
      { candidateId: lea, issuedBy: 'test' },
      ENROLMENT_DAY,
    )
    await insertVoucher(w.db, book15)
    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    expectProblem(
      await book(
        w,
        { candidateId: lea, slotId: slot, voucherCodes: [code, formatVoucherCode(book15.code)] },
        'r1',
      ),
      409,
      'CODE_NOT_COMBINABLE',
    )
    const seen = expectOk<Preview>(
      await preview(w, code, lea, slot, `&with=${formatVoucherCode(book15.code)}`),
    )
    expect(seen).toMatchObject({ accepted: false, refusal: { code: 'CODE_NOT_COMBINABLE' } })
  })
})
