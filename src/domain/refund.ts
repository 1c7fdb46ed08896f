import type { CancellationMoney } from './cancellation-refund.js'
import type { Instant } from './instant.js'
import type { PaymentMethod } from './offer.js'

/** What happened to the money of a cancelled paid registration, and who cancelled it. */
export interface Refund extends CancellationMoney {
  readonly id: string
  readonly registrationId: string
  /** The payment method the refund goes back to. */
  readonly method: PaymentMethod
  readonly recordedAt: Instant
  readonly recordedBy: string
  readonly recordedByRole: string
}
