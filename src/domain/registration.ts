import type { Channel } from './channel.js'
import type { ExamNumber } from './exam-number.js'
import type { Instant } from './instant.js'
import type { PriceBreakdown } from './price.js'
import type { HoldEnding } from './unpaid-hold.js'

export type RegistrationStatus = 'booked' | 'checked-in' | 'completed' | 'no-show' | 'cancelled'

/** `refunded` and `fee-kept`: a paid registration was cancelled (see `Refund`). */
export type PaymentStatus = 'not-required' | 'due' | 'paid' | 'refunded' | 'fee-kept'

/** One seat booked for one candidate, one exam, at one provider; `version` counts its changes. */
export interface Registration {
  readonly id: string
  readonly candidateId: string
  readonly exam: ExamNumber
  readonly slotId: string
  readonly providerId: string
  readonly status: RegistrationStatus
  readonly channel: Channel
  /** The principal that booked it (a token's or an account's id), and its role. */
  readonly bookedBy: string
  readonly bookedByRole: string
  /** Who booked, by name: the person, else the token's label; the provider a provider's token acts for; why staff booked for the candidate. Null or absent when not known (booked before these were kept). */
  readonly bookedByName?: string | null
  readonly bookedByLabel?: string | null
  readonly bookedByProviderId?: string | null
  readonly bookedReason?: string | null
  readonly waiverId: string | null
  readonly attemptId: string | null
  readonly version: number
  readonly createdAt: Instant
  readonly updatedAt: Instant
  /** What it costs, with every code applied; null for an exam without a list price. */
  readonly price: PriceBreakdown | null
  /** `due`: the seat is held but the registration is not confirmed until paid. */
  readonly paymentStatus: PaymentStatus
  /** Until when the seat is held for payment; null when nothing was due at booking. */
  readonly holdExpiresAt: Instant | null
  /** How the hold ended unpaid (the registration is then cancelled); null otherwise. */
  readonly holdEnded: HoldEnding | null
}

/** The statuses that hold a seat and block a second booking of the exam. */
export const LIVE_STATUSES: readonly RegistrationStatus[] = ['booked', 'checked-in']
