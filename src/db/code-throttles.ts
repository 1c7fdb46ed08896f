import type { Kysely } from 'kysely'
import type { ThrottleState } from '../domain/code-throttle.js'
import type { Instant } from '../domain/instant.js'
import { readInstant, readOptionalInstant, writeInstant, writeOptionalInstant } from './columns.js'
import { dialectOf } from './dialect.js'
import { reusableQuery } from './reusable-query.js'
import type { DB } from './schema.js'

/** Wrong-code counts are kept per scope: `candidate:<id>` or `address:<ip>`. */
export async function findThrottle(db: Kysely<DB>, scope: string): Promise<ThrottleState | null> {
  const [row] = await throttleOfScope(db, scope)
  if (!row) return null
  return {
    failures: row.failures,
    windowStartedAt: readInstant(row.window_started_at),
    lockedUntil: readOptionalInstant(row.locked_until),
  }
}

const throttleOfScope = reusableQuery((db, scope: string) =>
  db.selectFrom('code_throttles').selectAll().where('scope', '=', scope),
)

/**
 * The scope's state, its row locked until the transaction ends (PostgreSQL;
 * SQLite runs one writer at a time), so that concurrent wrong codes are
 * counted one after another and none is lost.
 */
export async function lockThrottle(
  db: Kysely<DB>,
  scope: string,
  now: Instant,
): Promise<ThrottleState | null> {
  await db
    .insertInto('code_throttles')
    .values({ scope, failures: 0, window_started_at: writeInstant(now), locked_until: null })
    .onConflict((conflict) => conflict.column('scope').doNothing())
    .execute()
  let query = db.selectFrom('code_throttles').selectAll().where('scope', '=', scope)
  if (dialectOf(db) === 'postgres') query = query.forUpdate()
  const row = await query.executeTakeFirstOrThrow()
  if (row.failures === 0) return null
  return {
    failures: row.failures,
    windowStartedAt: readInstant(row.window_started_at),
    lockedUntil: readOptionalInstant(row.locked_until),
  }
}

export async function saveThrottle(
  db: Kysely<DB>,
  scope: string,
  state: ThrottleState,
): Promise<void> {
  const values = {
    failures: state.failures,
    window_started_at: writeInstant(state.windowStartedAt),
    locked_until: writeOptionalInstant(state.lockedUntil),
  }
  await db
    .insertInto('code_throttles')
    .values({ scope, ...values })
    .onConflict((conflict) => conflict.column('scope').doUpdateSet(values))
    .execute()
}
