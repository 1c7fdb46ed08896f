import { isDatabaseUnavailable } from '../db/engine/database-unavailable.js'
import { AppError } from './errors.js'

/**
 * `DATABASE_UNAVAILABLE` when `error` says the database could not serve a
 * statement (down, unreachable, a connection lost, a full disk, locked past
 * the wait); null for anything else. Shells answer it as "try again soon".
 */
export function toDatabaseUnavailable(error: unknown): AppError | null {
  return isDatabaseUnavailable(error) ? new AppError('DATABASE_UNAVAILABLE') : null
}
