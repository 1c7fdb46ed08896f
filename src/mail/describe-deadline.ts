import type { Instant } from '../domain/instant.js'
import { formatMailTime } from './format-mail-time.js'

/**
 * A change deadline as a line of mail, on the reader's clock: "Reschedule
 * until …." while it is ahead, "Cancel: no longer possible (it closed …)."
 * once it has passed, so nobody is left to work it out.
 */
export function describeDeadline(
  what: string,
  deadline: Instant,
  now: Instant,
  timeZone: string,
): string {
  const at = formatMailTime(deadline, timeZone)
  return deadline >= now ? `${what} until ${at}.` : `${what}: no longer possible (it closed ${at}).`
}
