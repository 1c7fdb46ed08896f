import { findRegistration, listExpiredHolds } from '../../db/registrations/registrations.js'
import { isExpiredHold } from '../../domain/unpaid-hold.js'
import { type Actor, operatorPrincipal } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { runCommand } from '../run-command.js'
import { endHold } from './end-hold.js'

/** The job acts as the system, recorded as such in the audit trail. */
const HOLD_EXPIRY_ACTOR: Actor = {
  tokenId: 'system:hold-expiry',
  role: 'admin',
  channel: 'api',
  principal: operatorPrincipal('system:hold-expiry'),
}

/** How many holds one batch reads; each is still released in a transaction of its own. */
const BATCH = 100

interface ExpiredHolds {
  /** Holds this run released. */
  readonly released: number
  /** Holds found expired that another process released, or that were paid, first. */
  readonly skipped: number
}

/**
 * Releases every unpaid hold whose time has run out at the clock's now, in
 * batches of a hundred, each hold in its own transaction. Several processes
 * may run it at once: each release is a conditional update on the
 * registration's version, so a hold is released once, and never after it
 * was paid. `limit` bounds one run (the next run takes the rest).
 */
export async function expireHolds(
  deps: AppDeps,
  actor: Actor = HOLD_EXPIRY_ACTOR,
  limit = 10_000,
): Promise<ExpiredHolds> {
  const now = deps.clock.now()
  let released = 0
  let skipped = 0
  while (released + skipped < limit) {
    const ids = await listExpiredHolds(deps.db, now, Math.min(BATCH, limit - released - skipped))
    if (ids.length === 0) break
    for (const id of ids) {
      const done = await runCommand(deps, {}, async (trx) => {
        // Read again inside the transaction: it may have been paid or released since the list.
        const registration = await findRegistration(trx, id)
        if (!registration || !isExpiredHold(registration, now)) return false
        const view = await endHold(trx, deps.mail, {
          registration,
          ending: 'expired',
          reason: null,
          actor,
          now,
        })
        return view !== null
      })
      if (done) released++
      else skipped++
    }
    if (ids.length < BATCH) break
  }
  return { released, skipped }
}
