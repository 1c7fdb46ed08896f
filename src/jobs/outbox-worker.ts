import type { Kysely } from 'kysely'
import type { Clock } from '../app/clock.js'
import { claimDueMail } from '../app/mail/claim-due-mail.js'
import { recordMailFailure } from '../app/mail/record-mail-failure.js'
import { recordMailSent } from '../app/mail/record-mail-sent.js'
import type { DB } from '../db/engine/schema.js'
import type { StoredMail } from '../domain/outbox-mail.js'
import { composeOutboxMail } from '../mail/compose-outbox-mail.js'
import { type MailTransport, PermanentDeliveryError } from '../mail/mail-transport.js'
import { computeRetryDelay } from './retry-delay.js'

/** What the worker logs with; pino (Fastify's `app.log`) fits. */
export interface WorkerLog {
  info(facts: object, message: string): void
  warn(facts: object, message: string): void
  error(facts: object, message: string): void
}

export interface OutboxWorkerOptions {
  readonly db: Kysely<DB>
  readonly clock: Clock
  readonly transport: MailTransport
  readonly log: WorkerLog
  /** Pause between two looks at the outbox when it is empty (default 1 s). */
  readonly pollMs?: number
  /** Most mails claimed at once (default 10). */
  readonly batch?: number
  /** How long a claim holds a mail; past it, another worker may send it (default 5 min). */
  readonly leaseMs?: number
  /** Tries before a mail is marked failed (default 10: about 4 h 15 min of retrying). */
  readonly maxTries?: number
}

export interface OutboxWorker {
  /** Delivers every mail due now, then resolves with how many were sent. For tests and shutdown. */
  drain(): Promise<number>
  /** Stops polling and waits for the pass under way; mail it held goes out on the next start. */
  stop(): Promise<void>
}

/**
 * Delivers the outbox: every `pollMs` it claims due mail, hands each to the
 * transport and records the outcome. A failure is tried again after a
 * back-off (30 s doubling up to an hour) until `maxTries`, then the mail is
 * marked failed for an admin to see; a permanent refusal fails it at once.
 *
 * At least once: a crash after sending and before recording leaves the mail
 * pending, and it is sent again when its claim ends, with the same
 * Message-ID, so the receiving side can drop the copy. Several workers (one
 * per process) may share a database; each claim is one worker's.
 *
 * @example
 * const worker = startOutboxWorker({ db, clock, transport, log: app.log })
 * …
 * await worker.stop()
 */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const pollMs = options.pollMs ?? 1000
  const batch = options.batch ?? 10
  const leaseMs = options.leaseMs ?? 300_000
  const maxTries = options.maxTries ?? 10
  const { transport, log } = options
  const deps = { db: options.db, clock: options.clock }

  let stopped = false
  let timer: NodeJS.Timeout | undefined
  // One pass at a time, whether the timer or drain() started it.
  let queue: Promise<unknown> = Promise.resolve()
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work)
    queue = run.catch(() => {})
    return run
  }

  async function deliverDue(): Promise<number> {
    let sent = 0
    for (;;) {
      const claimed = await claimDueMail(deps, { leaseMs, batch })
      for (const mail of claimed) if (await deliverOne(mail)) sent++
      // A short batch means nothing more is due; failures wait for their back-off.
      if (claimed.length < batch || stopped) return sent
    }
  }

  async function deliverOne(mail: StoredMail): Promise<boolean> {
    if (mail.tries > maxTries) {
      // Claimed again after its last try never reported back (the process died mid-send, each time).
      await recordMailFailure(deps, mail.id, {
        reason: mail.lastError ?? 'delivery interrupted',
        giveUp: true,
      })
      log.error(
        { mailId: mail.id, tries: mail.tries },
        'mail failed: delivery kept being interrupted',
      )
      return false
    }
    let composed: StoredMail
    try {
      // Mail stored as facts is composed now, the same text on every try.
      composed = composeOutboxMail(mail)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      await recordMailFailure(deps, mail.id, { reason, giveUp: true })
      log.error({ mailId: mail.id, kind: mail.kind, error: reason }, 'mail cannot be composed')
      return false
    }
    try {
      await transport.deliver(composed, deps.clock.now())
    } catch (error) {
      const permanent = error instanceof PermanentDeliveryError
      const giveUp = permanent || mail.tries >= maxTries
      const reason = error instanceof Error ? error.message : String(error)
      await recordMailFailure(deps, mail.id, {
        reason,
        giveUp,
        retryInMs: computeRetryDelay(mail.tries),
      })
      const facts = { mailId: mail.id, kind: mail.kind, tries: mail.tries, error: reason }
      if (giveUp)
        log.error(facts, permanent ? 'mail refused for good' : 'mail failed: out of tries')
      else log.warn(facts, 'mail delivery failed; will retry')
      return false
    }
    // What was sent replaces the facts, so the outbox keeps the text that went out.
    await recordMailSent(deps, mail.id, mail.facts === undefined ? undefined : composed)
    return true
  }

  function schedule(): void {
    if (stopped) return
    timer = setTimeout(() => {
      void exclusive(deliverDue)
        .catch((error: unknown) => {
          // The database may be briefly away; the next pass tries again.
          log.error({ err: error }, 'outbox pass failed')
        })
        .finally(schedule)
    }, pollMs)
    // The worker alone does not keep the process alive.
    timer.unref()
  }

  log.info({ transport: transport.name }, 'outbox worker started')
  schedule()

  return {
    drain: () => exclusive(deliverDue),
    async stop() {
      stopped = true
      clearTimeout(timer)
      await queue
    },
  }
}
