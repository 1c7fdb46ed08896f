import type { PaymentMethod } from '../../domain/offer.js'

/** What a candidate asks for when booking a seat. */
export interface RegisterInput {
  readonly candidateId: string
  readonly exam: string
  readonly slotId: string
  /** Voucher, discount or promotion codes, as typed. */
  readonly voucherCodes?: readonly string[]
  /** The candidate has read what the registration gives up (a free retake) and goes ahead. */
  readonly acknowledgeForfeit?: boolean
  /** The candidate knows the seat's reschedule or cancel deadline has passed, and books it anyway. */
  readonly acknowledgeDeadlines?: boolean
  /** Pay what is due at once; without it, a registration with an amount due waits for payment. */
  readonly payment?: {
    readonly method: Exclude<PaymentMethod, 'free'>
    readonly reference?: string
  }
  /** ISO 4217; the exam's USD price (or its only one) unless said. */
  readonly currency?: string
}
