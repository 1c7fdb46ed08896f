import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import type { DB } from '../../db/engine/schema.js'
import { enqueueMails } from '../../db/mail/outbox.js'
import {
  type AppointmentToRemind,
  listAppointmentsToRemind,
} from '../../db/registrations/appointment-reminders.js'
import { computeReminderDedupeKey, decideReminderDue } from '../../domain/appointment-reminder.js'
import { decideChange } from '../../domain/change-window.js'
import { DAY_MS, type Instant } from '../../domain/instant.js'
import type { OutboxMessage } from '../../domain/outbox-mail.js'
import { composeReminderMail } from '../../mail/compose-reminder-mail.js'
import type { MailSettings } from '../../mail/mail-settings.js'
import type { Clock } from '../clock.js'

export interface SendRemindersDeps {
  readonly db: Kysely<DB>
  readonly clock: Clock
  readonly mail: MailSettings
}

/** Appointments read at a time. */
const PAGE = 500

/**
 * Puts in the outbox the reminder of every confirmed appointment that is
 * `days` days away or nearer and has none yet (see `decideReminderDue`);
 * returns how many it added. Several processes may run it at once: each
 * reminder has the dedupe key of its registration and slot, so a reminder
 * written twice is one mail, and a rescheduled appointment gets a new one.
 */
export async function sendAppointmentReminders(
  deps: SendRemindersDeps,
  days: number,
): Promise<number> {
  if (days <= 0) return 0
  const now = deps.clock.now()
  let added = 0
  let after: AppointmentToRemind | null = null
  for (;;) {
    const page = await listAppointmentsToRemind(deps.db, {
      from: now,
      to: now + days * DAY_MS,
      after: after && { startsAt: after.startsAt, registrationId: after.registrationId },
      limit: PAGE,
    })
    const due = page.filter((appointment) => decideReminderDue(appointment, days, now))
    if (due.length > 0)
      added += await enqueueMails(
        deps.db,
        due.map((appointment) => reminderOf(appointment, deps.mail, now)),
      )
    if (page.length < PAGE) return added
    after = page.at(-1)!
  }
}

function reminderOf(
  appointment: AppointmentToRemind,
  mail: MailSettings,
  now: Instant,
): OutboxMessage {
  const { provider, startsAt } = appointment
  const composed = composeReminderMail(
    {
      registrationId: appointment.registrationId,
      candidate: appointment.candidate,
      exam: appointment.exam,
      providerName: provider.name,
      centre: appointment.centre,
      startsAt,
      changeDeadlines: {
        reschedule: decideChange(provider, 'reschedule', startsAt, now).deadline,
        cancel: decideChange(provider, 'cancel', startsAt, now).deadline,
      },
      now,
    },
    mail,
  )
  return {
    id: uuidv7(),
    dedupeKey: computeReminderDedupeKey(appointment.registrationId, appointment.slotId),
    kind: 'appointment-reminder',
    candidateId: appointment.candidate.id,
    recipient: appointment.candidate.email,
    ...composed,
    createdAt: now,
  }
}
