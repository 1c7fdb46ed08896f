import { describe, expect, it } from 'vitest'
import { getMail } from '../../src/app/mail/get-mail.js'
import { newVoucher } from '../../src/app/vouchers/new-voucher.js'
import { insertVoucher } from '../../src/db/vouchers/vouchers.js'
import { STUDY_BOOK_DISCOUNT } from '../../src/demo/demo-offers.js'
import { HOUR_MS } from '../../src/domain/instant.js'
import { formatVoucherCode } from '../../src/domain/voucher-code.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  instant,
  registerCandidate,
  useApi,
} from './api-harness.js'
import { ENROLMENT_DAY, EXAM, world } from './voucher-world.js'

interface Registration {
  id: string
  status: string
  paymentStatus: string
  refund: {
    currency: string
    paidCents: number
    refundCents: number
    feeCents: number
    method: string
    fullRefundUntil: string
    fullRefundUntilLocal: string
  } | null
}

/** Cancels as the provider's booking site (`otherProvider`: Pearson VUE's, for its seats). */
const cancel = async (w: ApiWorld, id: string, role: 'provider' | 'otherProvider' = 'provider') =>
  expectOk<Registration>(await call(w, 'POST', `/v1/registrations/${id}/cancel`, {}, role))

/** The cancellation mail of a candidate, as it will be sent. */
async function cancellationMail(w: ApiWorld, candidateId: string): Promise<string> {
  const [mail] = await w.db
    .selectFrom('outbox')
    .select('id')
    .where('candidate_id', '=', candidateId)
    .where('kind', '=', 'registration-cancelled')
    .execute()
  // Through the use case, not the admin view, which masks the codes the candidate is sent.
  return (await getMail(w, mail!.id)).bodyText
}

describe.each(testDatabases())('the money of a cancellation, on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it("refunds in full until the provider's deadline, keeps its fee after, records it and says so", async () => {
    const { w, centre } = await world(get)
    const paidByCard = { payment: { method: 'card' } }
    // Prometric: a full refund until 72 hours before, a quarter kept after (24-hour cancel window).
    const lea = await registerCandidate(w)
    const early = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    const leas = expectOk<Registration>(
      await book(w, { candidateId: lea, slotId: early, ...paidByCard }, 'lea'),
      201,
    )
    expect(await cancel(w, leas.id)).toMatchObject({
      status: 'cancelled',
      paymentStatus: 'refunded',
      refund: {
        currency: 'USD',
        paidCents: 16_500,
        refundCents: 16_500,
        feeCents: 0,
        method: 'card',
      },
    })
    expect(await cancellationMail(w, lea)).toContain(
      'You paid USD 165.00; all of it is refunded to the card you paid with.',
    )

    const ben = await registerCandidate(w, { email: 'ben@example.com' })
    const late = await createSlot(w.db, centre, ENROLMENT_DAY + 57 * HOUR_MS)
    const bens = expectOk<Registration>(
      await book(w, { candidateId: ben, slotId: late, ...paidByCard }, 'ben'),
      201,
    )
    const cancelled = await cancel(w, bens.id)
    expect(cancelled).toMatchObject({
      paymentStatus: 'fee-kept',
      refund: { paidCents: 16_500, refundCents: 12_375, feeCents: 4_125 },
    })
    const mail = await cancellationMail(w, ben)
    expect(mail).toContain('Prometric keeps USD 41.25 as a cancellation fee')
    expect(mail).toContain('USD 123.75 is refunded to the card you paid with')
    // The registration keeps the record, and its history says what happened to the money.
    const read = expectOk<{
      registration: Registration
      history: { action: string; detail: Record<string, unknown> }[]
    }>(await call(w, 'GET', `/v1/registrations/${bens.id}`))
    expect(read.registration.refund).toEqual(cancelled.refund)
    expect(read.history.at(-1)).toMatchObject({
      action: 'cancelled',
      detail: { refund: { paid: 'USD 165.00', refunded: 'USD 123.75', feeKept: 'USD 41.25' } },
    })
  })

  it('keeps everything at Pearson VUE after its deadline, and gives the code back, saying both', async () => {
    const { w } = await world(get)
    await deliver(w.db, 'pearson-vue', [EXAM])
    const pearson = await createCentre(w.db, { providerId: 'pearson-vue' })
    // 60 hours ahead: inside its 48-hour cancel window, past its 96-hour full refund.
    const slot = await createSlot(w.db, pearson, ENROLMENT_DAY + 60 * HOUR_MS)
    const voucher = newVoucher(
      STUDY_BOOK_DISCOUNT,
      { candidateId: null, issuedBy: 'test' },
      w.clock.now(),
    )
    await insertVoucher(w.db, voucher)
    const code = formatVoucherCode(voucher.code)
    const lea = await registerCandidate(w)
    const booked = expectOk<Registration>(
      await book(
        w,
        { candidateId: lea, slotId: slot, voucherCode: code, payment: { method: 'invoice' } },
        'lea',
        'otherProvider',
      ),
      201,
    )
    expect(await cancel(w, booked.id, 'otherProvider')).toMatchObject({
      paymentStatus: 'fee-kept',
      refund: { paidCents: 14_025, refundCents: 0, feeCents: 14_025, method: 'invoice' },
    })
    const mail = await cancellationMail(w, lea)
    expect(mail).toContain(
      'You paid USD 140.25; Pearson VUE keeps all of it as a cancellation fee, because it was cancelled after',
    )
    expect(mail).toContain('Nothing is refunded.')
    expect(mail).toContain(`Your code ${code} can be used again: enter it when you book.`)
  })

  it('says nothing was paid when a booking waiting for payment is cancelled', async () => {
    const { w, centre } = await world(get)
    const lea = await registerCandidate(w)
    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    const held = expectOk<Registration>(await book(w, { candidateId: lea, slotId: slot }, 'h'), 201)
    expect(await cancel(w, held.id)).toMatchObject({ paymentStatus: 'due', refund: null })
    expect(await cancellationMail(w, lea)).toContain(
      'Nothing was paid for this registration, so there is nothing to refund.',
    )
  })
})
