import { DAY_MS, type Instant } from './instant.js'

/** The payment states of a confirmed booking, the only kind reminded: paid, or nothing to pay. */
export const REMINDED_PAYMENT_STATUSES = ['paid', 'not-required'] as const

/** What the dedupe keys of reminders start with; the rest names the registration and its slot. */
export const REMINDER_KEY_PREFIX = 'appointment-reminder:'

/**
 * The dedupe key of the reminder of one appointment: the registration and
 * the slot it is in, which fixes the time and the place. A reschedule moves
 * it to another slot, so the new appointment gets its own reminder; a
 * reminder written twice (two processes at once) is one mail.
 */
export function computeReminderDedupeKey(registrationId: string, slotId: string): string {
  return `${REMINDER_KEY_PREFIX}${registrationId}:${slotId}`
}

/** When the reminder of an appointment is due: `days` before it. */
export function computeReminderAt(startsAt: Instant, days: number): Instant {
  return startsAt - days * DAY_MS
}

/**
 * Whether an appointment is reminded at `now`: from `days` before it until
 * it starts, unless the registration was made or changed after that moment:
 * its confirmation then came inside the reminder's window and said all a
 * reminder says. A job that was down sends a reminder late, never early.
 */
export function decideReminderDue(
  appointment: { readonly startsAt: Instant; readonly changedAt: Instant },
  days: number,
  now: Instant,
): boolean {
  const reminderAt = computeReminderAt(appointment.startsAt, days)
  return (
    days > 0 &&
    now >= reminderAt &&
    now < appointment.startsAt &&
    appointment.changedAt <= reminderAt
  )
}
