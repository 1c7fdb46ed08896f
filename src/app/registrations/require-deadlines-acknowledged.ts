import type { Appointment } from '../../domain/appointment.js'
import type { AppointmentChange } from '../../domain/change-window.js'
import { decideDeadlines } from '../../domain/decide-booking.js'
import type { Instant } from '../../domain/instant.js'
import { refuseStated } from './refuse-booking.js'

/**
 * Refuses to book a seat whose reschedule or cancel deadline has already
 * passed unless the caller acknowledges it (see `decideDeadlines`). Returns
 * the changes given up (none when the deadlines are ahead).
 */
export function requireDeadlinesAcknowledged(
  appointment: Appointment,
  now: Instant,
  acknowledged: boolean,
): readonly AppointmentChange[] {
  const deadlines = decideDeadlines(appointment, now, acknowledged)
  if ('refusal' in deadlines) throw refuseStated(deadlines.refusal)
  return deadlines.passed
}
