import type { Kysely } from 'kysely'
import type { ThrottleState } from '../domain/code-throttle.js'
import { readInstant, readOptionalInstant, writeInstant, writeOptionalInstant } from './columns.js'
import type { DB } from './schema.js'

/** Wrong-code counts are kept per scope: `candidate:<id>` or `address:<ip>`. */
export async function findThrottle(db: Kysely<DB>, scope: string): Promise<ThrottleState | null> {
  const row = await db
    .selectFrom('code_throttles')
    .selectAll()
    .where('scope', '=', scope)
    .executeTakeFirst()
  if (!row) return null
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
