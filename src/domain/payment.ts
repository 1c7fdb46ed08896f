import type { Channel } from './channel.js'
import type { Instant } from './instant.js'
import type { PaymentMethod } from './offer.js'

/** What was paid for a registration, how, and who recorded it: the line an accountant reads. */
export interface Payment {
  readonly id: string
  readonly registrationId: string
  readonly method: PaymentMethod
  readonly currency: string
  readonly cents: number
  /** The card authorisation, company voucher number or invoice number. */
  readonly reference: string | null
  readonly recordedAt: Instant
  /** Who paid: the token, its role and the channel, apart from who booked. */
  readonly recordedBy: string
  /** Null only for a payment recorded before roles and channels were kept with it. */
  readonly recordedByRole: string | null
  readonly channel: Channel | null
  /** Who paid, by name (the person, else the token's label), and why staff paid for the candidate; null or absent when not known. */
  readonly recordedByName?: string | null
  readonly recordedByLabel?: string | null
  readonly recordedReason?: string | null
}
