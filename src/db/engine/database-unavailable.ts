/**
 * Whether an error means the database could not serve the statement (it is
 * down, restarting, unreachable, out of room, or too busy to answer in
 * time) rather than refusing it: such a request may succeed if tried again
 * once the database is back, and nothing of it was kept.
 *
 * - PostgreSQL (pg): SQLSTATE class 08 (connection exception), 57P01–57P03
 *   (the server shut down, crashed or is starting), class 53 (insufficient
 *   resources: disk full, out of memory, too many connections); the
 *   socket's own errors (ECONNRESET, ECONNREFUSED, …); and pg's messages
 *   for a connection lost or never made.
 * - SQLite (better-sqlite3): SQLITE_BUSY past `busy_timeout`, SQLITE_LOCKED,
 *   SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_PROTOCOL, and the
 *   read-only states a moved or recovering file puts a connection in.
 *
 * The error's `cause` chain is followed: pg wraps a connection timeout.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (isUnavailableItself(current as Thrown)) return true
    current = (current as Thrown).cause
  }
  return false
}

interface Thrown {
  readonly code?: unknown
  readonly message?: unknown
  readonly cause?: unknown
}

const SOCKET_ERRORS = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])

const POSTGRES_SHUTDOWN = new Set(['57P01', '57P02', '57P03'])

const SQLITE_UNAVAILABLE = [
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
  'SQLITE_READONLY_RECOVERY',
  'SQLITE_READONLY_CANTLOCK',
  'SQLITE_READONLY_DBMOVED',
]

// pg raises these as plain Errors, without a code.
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'is not queryable',
  'Connection ended unexpectedly',
]

function isUnavailableItself(error: Thrown): boolean {
  const { code, message } = error
  if (typeof code === 'string') {
    if (SOCKET_ERRORS.has(code) || POSTGRES_SHUTDOWN.has(code)) return true
    // SQLSTATE: five characters; the class is the first two.
    if (/^[0-9A-Z]{5}$/.test(code) && (code.startsWith('08') || code.startsWith('53'))) return true
    // Extended codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT) share their primary code's prefix.
    if (SQLITE_UNAVAILABLE.some((prefix) => code === prefix || code.startsWith(`${prefix}_`)))
      return true
  }
  return (
    typeof message === 'string' && PG_CONNECTION_MESSAGES.some((text) => message.includes(text))
  )
}
