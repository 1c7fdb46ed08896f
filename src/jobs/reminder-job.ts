import type { SendRemindersDeps } from '../app/registrations/send-appointment-reminders.js'
import { sendAppointmentReminders } from '../app/registrations/send-appointment-reminders.js'
import type { WorkerLog } from './outbox-worker.js'
import { type PeriodicJob, startPeriodicJob } from './periodic-job.js'

/**
 * Mails the reminder of each confirmed appointment `days` days before it:
 * every `everyMs` (ten minutes by default) it writes the reminders that
 * have come due. Several server processes may run it at once: a reminder
 * is one mail however many write it. `tick()` resolves with how many it added.
 */
export function startReminderJob(
  deps: SendRemindersDeps,
  days: number,
  log: WorkerLog,
  everyMs = 600_000,
): PeriodicJob<number> {
  return startPeriodicJob({
    name: 'appointment reminders',
    everyMs,
    log,
    run: async () => {
      const added = await sendAppointmentReminders(deps, days)
      if (added > 0) log.info({ added }, 'appointment reminders written')
      return added
    },
  })
}
