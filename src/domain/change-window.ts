import { HOUR_MS, type Instant } from './instant.js'
import type { Provider } from './provider.js'

export type AppointmentChange = 'reschedule' | 'cancel'

export interface ChangeDecision {
  readonly allowed: boolean
  /** The last instant the change is accepted (inclusive). */
  readonly deadline: Instant
  /** The provider's rule, in hours before the appointment. */
  readonly cutoffHours: number
}

/** The last instants an appointment may be rescheduled and cancelled (each inclusive). */
export interface ChangeDeadlines {
  readonly reschedule: Instant
  readonly cancel: Instant
}

/**
 * May an appointment starting at `startsAt` be rescheduled or cancelled at
 * `now`, under the provider's rule "not later than N hours before"? The
 * deadline instant itself is allowed.
 */
export function decideChange(
  provider: Provider,
  change: AppointmentChange,
  startsAt: Instant,
  now: Instant,
): ChangeDecision {
  const cutoffHours =
    change === 'reschedule' ? provider.rescheduleCutoffHours : provider.cancelCutoffHours
  const deadline = startsAt - cutoffHours * HOUR_MS
  return { allowed: now <= deadline, deadline, cutoffHours }
}

/** Until when a booking of an appointment starting at `startsAt` could be rescheduled and cancelled. */
export function computeChangeDeadlines(provider: Provider, startsAt: Instant): ChangeDeadlines {
  return {
    reschedule: decideChange(provider, 'reschedule', startsAt, startsAt).deadline,
    cancel: decideChange(provider, 'cancel', startsAt, startsAt).deadline,
  }
}

/**
 * The changes a booking made at `now` could no longer make: booking such a
 * seat needs the caller to acknowledge it, so that a candidate learns before
 * booking, not from the confirmation, that it cannot be moved or cancelled.
 * A deadline that is `now` itself has not passed.
 */
export function listPassedDeadlines(
  deadlines: ChangeDeadlines,
  now: Instant,
): readonly AppointmentChange[] {
  return (['reschedule', 'cancel'] as const).filter((change) => now > deadlines[change])
}
