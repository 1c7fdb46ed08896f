import {
  type AppointmentChange,
  computeChangeDeadlines,
  listPassedDeadlines,
} from '../../domain/change-window.js'
import { formatInstant, formatInZone, type Instant } from '../../domain/instant.js'
import { AppError } from '../errors.js'
import type { Appointment } from './registration-view.js'

/**
 * Refuses to book a seat whose reschedule or cancel deadline has already
 * passed unless the caller acknowledges it, naming the deadlines on the
 * centre's clock: the candidate learns before booking that the booking
 * could not be moved or cancelled, not from the confirmation. Returns the
 * changes given up (none when the deadlines are ahead).
 */
export function requireDeadlinesAcknowledged(
  appointment: Appointment,
  now: Instant,
  acknowledged: boolean,
): readonly AppointmentChange[] {
  const { slot, centre, provider } = appointment
  const deadlines = computeChangeDeadlines(provider, slot.startsAt)
  const passed = listPassedDeadlines(deadlines, now)
  if (passed.length > 0 && !acknowledged) {
    throw new AppError('CHANGE_DEADLINES_PASSED', {
      field: 'acknowledgeDeadlines',
      provider: provider.name,
      startsAtLocal: formatInZone(slot.startsAt, centre.timeZone),
      passed,
      deadlines: {
        reschedule: formatInstant(deadlines.reschedule),
        rescheduleLocal: formatInZone(deadlines.reschedule, centre.timeZone),
        cancel: formatInstant(deadlines.cancel),
        cancelLocal: formatInZone(deadlines.cancel, centre.timeZone),
      },
    })
  }
  return passed
}
