/** Is this the error SQLite (better-sqlite3) or PostgreSQL (pg, SQLSTATE 23505) raises for a duplicate key? */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return (
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === '23505'
  )
}

/**
 * The table whose unique index a duplicate-key error broke, so a caller can
 * tell a replayed request from a second booking: pg names it, SQLite says
 * `UNIQUE constraint failed: registrations.candidate_id, …`.
 */
export function violatedTable(error: unknown): string | null {
  if (!isUniqueViolation(error)) return null
  const { table, message } = error as { table?: unknown; message?: unknown }
  if (typeof table === 'string') return table
  const match = /constraint failed: (\w+)\./.exec(String(message))
  return match?.[1] ?? null
}
