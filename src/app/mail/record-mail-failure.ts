import { markFailedAttempt } from '../../db/mail/outbox.js'
import type { AppDeps } from '../app-deps.js'

export interface MailFailure {
  /** Why it did not go out, kept for an admin to read. */
  readonly reason: string
  /** No more tries: the mail is marked failed. */
  readonly giveUp: boolean
  /** How long after the clock's now it may be tried again; at once when not given. */
  readonly retryInMs?: number
}

/**
 * Records a delivery that did not happen: the mail waits `retryInMs` and is
 * tried again or, when the failure gives up, is marked failed for an admin
 * to see. False when the mail was no longer pending.
 */
export function recordMailFailure(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  mailId: string,
  failure: MailFailure,
): Promise<boolean> {
  const availableAt = deps.clock.now() + (failure.retryInMs ?? 0)
  return markFailedAttempt(deps.db, mailId, failure.reason, availableAt, failure.giveUp)
}
