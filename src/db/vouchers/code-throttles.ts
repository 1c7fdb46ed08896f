import { type Kysely, sql } from 'kysely'
import type { ThrottleLimits, ThrottleState } from '../../domain/code-throttle.js'
import type { Instant } from '../../domain/instant.js'
import {
  readInstant,
  readOptionalInstant,
  writeInstant,
  writeOptionalInstant,
} from '../engine/columns.js'
import { reusableQuery } from '../engine/reusable-query.js'
import type { CodeThrottleTable, DB } from '../engine/schema.js'

/** Wrong-code counts are kept per scope: `candidate:<id>`, `token:<id>`, `address:<ip>`, … */
export async function findThrottle(db: Kysely<DB>, scope: string): Promise<ThrottleState | null> {
  const [row] = await throttleOfScope(db, scope)
  return row ? toThrottleState(row) : null
}

const throttleOfScope = reusableQuery((db, scope: string) =>
  db.selectFrom('code_throttles').selectAll().where('scope', '=', scope),
)

/**
 * Counts one wrong code against `scope` at `now` and returns the record as
 * it now stands: `recordFailure` of the domain, done by the database in one
 * statement, so that processes counting at once on the same row each see
 * their own count (test/db/code-throttles.test.ts holds the two to the same
 * answers).
 */
export async function countFailure(
  db: Kysely<DB>,
  scope: string,
  now: Instant,
  limits: ThrottleLimits,
): Promise<ThrottleState> {
  const at = writeInstant(now)
  const lockUntil = writeInstant(now + limits.lockMs)
  // A fresh window counts 1, which locks at once only where one failure is the limit.
  const freshLock = writeOptionalInstant(limits.maxFailures <= 1 ? now + limits.lockMs : null)
  const windowOpenedBy = writeInstant(now - limits.windowMs)
  const failures = sql.ref('code_throttles.failures')
  const windowStartedAt = sql.ref('code_throttles.window_started_at')
  const lockedUntil = sql.ref('code_throttles.locked_until')
  const locked = sql`${lockedUntil} > ${at}`
  const fresh = sql`${lockedUntil} is not null or ${windowStartedAt} <= ${windowOpenedBy}`
  const row = await db
    .insertInto('code_throttles')
    .values({ scope, failures: 1, window_started_at: at, locked_until: freshLock })
    .onConflict((conflict) =>
      conflict.column('scope').doUpdateSet({
        failures: sql`case when ${locked} then ${failures} + 1 when ${fresh} then 1 else ${failures} + 1 end`,
        window_started_at: sql`case when ${locked} then ${windowStartedAt} when ${fresh} then ${at} else ${windowStartedAt} end`,
        locked_until: sql`case when ${locked} then ${lockedUntil} when ${fresh} then ${freshLock} when ${failures} + 1 >= ${limits.maxFailures} then ${lockUntil} else null end`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow()
  return toThrottleState(row)
}

function toThrottleState(row: {
  readonly failures: number
  readonly window_started_at: CodeThrottleTable['window_started_at']
  readonly locked_until: CodeThrottleTable['locked_until']
}): ThrottleState {
  return {
    failures: row.failures,
    windowStartedAt: readInstant(row.window_started_at),
    lockedUntil: readOptionalInstant(row.locked_until),
  }
}
