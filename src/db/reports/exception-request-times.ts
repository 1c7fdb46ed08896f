import type { Kysely } from 'kysely'
import type { ExceptionRequestStatus } from '../../domain/exception-request.js'
import type { Instant } from '../../domain/instant.js'
import { readInstant, readOptionalInstant, writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'

export interface FiledExceptionRequest {
  readonly reason: DB['exception_requests']['reason']
  readonly status: ExceptionRequestStatus
  readonly requestedAt: Instant
  readonly reviewedAt: Instant | null
}

/** The exception requests filed in the period (at a provider: about a registration there), with when each was decided. */
export async function listFiledExceptionRequests(
  db: Kysely<DB>,
  start: Instant,
  end: Instant,
  provider: string | null,
): Promise<FiledExceptionRequest[]> {
  let query = db
    .selectFrom('exception_requests as e')
    .select(['e.reason', 'e.status', 'e.requested_at', 'e.reviewed_at'])
    .where('e.requested_at', '>=', writeInstant(start))
    .where('e.requested_at', '<', writeInstant(end))
  if (provider !== null)
    query = query
      .innerJoin('registrations as r', 'r.id', 'e.registration_id')
      .where('r.provider_id', '=', provider)
  const rows = await query.execute()
  return rows.map((row) => ({
    reason: row.reason,
    status: row.status,
    requestedAt: readInstant(row.requested_at),
    reviewedAt: readOptionalInstant(row.reviewed_at),
  }))
}
