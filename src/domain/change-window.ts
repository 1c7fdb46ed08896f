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
