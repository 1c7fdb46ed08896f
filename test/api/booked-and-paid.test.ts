import { describe, expect, it } from 'vitest'
import { setExamPricing } from '../../src/db/catalogue/exam-prices.js'
import { formatMailTime } from '../../src/mail/format-mail-time.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import { book, call, expectOk, instant, NOW, registerCandidate, useApi } from './api-harness.js'

interface Registration {
  id: string
  bookedBy: { tokenId: string; role: string; onBehalf: boolean; channel: string; at: string }
  payment: {
    method: string
    cents: number
    paidAt: string
    paidBy: { tokenId: string; role: string; channel: string }
  } | null
}

describe.each(testDatabases())('who booked and who paid, on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it('keeps who booked apart from who paid, and the confirmation names the booking, not the payment', async () => {
    const w = get()
    await call(w, 'POST', '/v1/exams', { number: '70-620', title: 'TS: Windows Vista' })
    await setExamPricing(w.db, '070-620', {
      priceClass: 'regular',
      prices: [{ currency: 'USD', cents: 16_500 }],
    })
    await deliver(w.db, 'prometric', ['070-620'])
    const slot = await createSlot(w.db, await createCentre(w.db), instant('2026-07-01T09:00:00Z'))
    const lea = await registerCandidate(w)
    // A support agent books on the phone; nothing is due until paid.
    const booked = expectOk<Registration>(
      await book(
        w,
        { candidateId: lea, slotId: slot, channel: 'phone', onBehalfReason: 'Booked on a call' },
        'call-1',
        'support',
      ),
      201,
    )
    expect(booked.payment).toBeNull()

    // Twenty minutes later an administrator records the card payment through the API.
    const paidAt = NOW + 20 * 60_000
    w.clock.set(paidAt)
    const paid = expectOk<Registration>(
      await call(w, 'POST', `/v1/registrations/${booked.id}/payment`, {
        method: 'card',
        currency: 'USD',
        cents: 16_500,
      }),
    )
    expect(paid.bookedBy).toEqual({
      ...booked.bookedBy,
      role: 'support',
      channel: 'phone',
      at: '2026-06-15T12:00:00.000Z',
    })
    expect(paid.payment).toMatchObject({
      method: 'card',
      cents: 16_500,
      paidAt: '2026-06-15T12:20:00.000Z',
      paidBy: { role: 'admin', channel: 'api' },
    })
    expect(paid.payment?.paidBy.tokenId).not.toBe(booked.bookedBy.tokenId)
    const read = expectOk<{ registration: Registration }>(
      await call(w, 'GET', `/v1/registrations/${booked.id}`, undefined, 'provider'),
    )
    expect(read.registration).toMatchObject({ bookedBy: paid.bookedBy, payment: paid.payment })

    const [mail] = await w.db
      .selectFrom('outbox')
      .select('id')
      .where('kind', '=', 'registration-confirmed')
      .execute()
    const { bodyText } = expectOk<{ bodyText: string }>(
      await call(w, 'GET', `/v1/admin/mail/${mail!.id}`),
    )
    expect(bodyText).toContain(
      `This was registered for you by “api test support” (support) by phone on ${formatMailTime(NOW, 'Europe/Paris')}: Booked on a call.`,
    )
    expect(bodyText).not.toContain('programme administrator')
    expect(bodyText).not.toContain(formatMailTime(paidAt, 'Europe/Paris'))
  })
})
