import type { Kysely } from 'kysely'
import { groupCommitSizesOf } from '../../db/engine/group-commit.js'
import type { GroupSizesSnapshot } from '../../db/engine/group-sizes.js'
import { type PoolUse, readPoolUse } from '../../db/engine/pool-use.js'
import type { DB } from '../../db/engine/schema.js'
import {
  countMailBacklog,
  countUnpaidRegistrations,
  findOldestPendingMail,
  findOverdueHolds,
} from '../../db/operations/operations-figures.js'
import type { Clock } from '../clock.js'

/** What an operator watches, each figure read when asked (a scrape of `/metrics`). */
export interface OperationsReader {
  /** Mail waiting to be sent, and mail given up on. */
  mailBacklog(): Promise<{ readonly pending: number; readonly failed: number }>
  /** How long the oldest mail waiting to be sent has waited, in seconds; 0 when none waits. */
  oldestPendingMailAgeSeconds(): Promise<number>
  /** Live registrations whose amount due is not paid yet. */
  unpaidRegistrations(): Promise<number>
  /** Unpaid holds past their end that the expiry job has not released yet, and how long the oldest has been over. */
  overdueHolds(): Promise<{ readonly count: number; readonly oldestAgeSeconds: number }>
  /** The PostgreSQL pool right now; null on SQLite. */
  poolUse(): PoolUse | null
  /** Sizes of the SQLite group commits so far; null on PostgreSQL. */
  groupCommitSizes(): GroupSizesSnapshot | null
}

export function readOperations(deps: {
  readonly db: Kysely<DB>
  readonly clock: Clock
}): OperationsReader {
  const { db, clock } = deps
  return {
    mailBacklog: () => countMailBacklog(db),
    async oldestPendingMailAgeSeconds() {
      const writtenAt = await findOldestPendingMail(db)
      return writtenAt === null ? 0 : Math.max(0, clock.now() - writtenAt) / 1000
    },
    unpaidRegistrations: () => countUnpaidRegistrations(db),
    async overdueHolds() {
      const now = clock.now()
      const { count, firstExpiredAt } = await findOverdueHolds(db, now)
      return {
        count,
        oldestAgeSeconds: firstExpiredAt === null ? 0 : (now - firstExpiredAt) / 1000,
      }
    },
    poolUse: () => readPoolUse(db),
    groupCommitSizes: () => groupCommitSizesOf(db)?.snapshot() ?? null,
  }
}
