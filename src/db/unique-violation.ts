/** Is this the error SQLite (better-sqlite3) or PostgreSQL (pg, SQLSTATE 23505) raises for a duplicate key? */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return (
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === '23505'
  )
}
