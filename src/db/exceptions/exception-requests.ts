import type { Kysely, Selectable } from 'kysely'
import type {
  ExceptionRequest,
  ExceptionRequestStatus,
  ExceptionReview,
  StoredExceptionRequest,
} from '../../domain/exception-request.js'
import {
  countRows,
  readFlag,
  readInstant,
  readOptionalInstant,
  writeFlag,
  writeInstant,
} from '../engine/columns.js'
import type { Paging } from '../engine/paging.js'
import type { DB, ExceptionRequestTable } from '../engine/schema.js'

/** Stores a new, open request. */
export async function insertExceptionRequest(
  db: Kysely<DB>,
  request: ExceptionRequest,
): Promise<void> {
  await db
    .insertInto('exception_requests')
    .values({
      id: request.id,
      candidate_id: request.candidateId,
      registration_id: request.registrationId,
      exam_number: request.exam,
      first_name: request.firstName,
      last_name: request.lastName,
      email: request.email,
      description: request.description,
      provider_case_number: request.providerCaseNumber,
      reason: request.reason,
      status: request.status,
      channel: request.channel,
      requested_at: writeInstant(request.requestedAt),
      requested_by: request.requestedBy,
      requested_by_role: request.requestedByRole,
      requested_by_name: request.requestedByName ?? null,
      requested_by_label: request.requestedByLabel ?? null,
      requested_reason: request.requestedReason ?? null,
      reviewed_at: null,
      reviewed_by: null,
      reviewed_by_role: null,
      review_note: null,
      waives_wait: null,
      waives_limit: null,
      waiver_id: null,
    })
    .execute()
}

function selectRequests(db: Kysely<DB>) {
  return db
    .selectFrom('exception_requests')
    .leftJoin('waivers', 'waivers.id', 'exception_requests.waiver_id')
    .selectAll('exception_requests')
    .select(['waivers.held_by_registration_id', 'waivers.used_by_attempt_id'])
}

/** The request with this id, or null. */
export async function findExceptionRequest(
  db: Kysely<DB>,
  id: string,
): Promise<StoredExceptionRequest | null> {
  const row = await selectRequests(db).where('exception_requests.id', '=', id).executeTakeFirst()
  return row ? toStoredRequest(row) : null
}

/** The registration's request that is still open or was approved (at most one), or null. */
export async function findStandingExceptionRequest(
  db: Kysely<DB>,
  registrationId: string,
): Promise<ExceptionRequest | null> {
  const row = await selectRequests(db)
    .where('exception_requests.registration_id', '=', registrationId)
    .where('exception_requests.status', 'in', ['open', 'approved'])
    .executeTakeFirst()
  return row ? toStoredRequest(row) : null
}

/** One page of a candidate's requests, newest first (ties by id, so the order is stable). */
export async function listExceptionRequestsOfCandidate(
  db: Kysely<DB>,
  candidateId: string,
  paging: Paging,
): Promise<StoredExceptionRequest[]> {
  const rows = await selectRequests(db)
    .where('exception_requests.candidate_id', '=', candidateId)
    .orderBy('exception_requests.requested_at', 'desc')
    .orderBy('exception_requests.id', 'desc')
    .limit(paging.limit)
    .offset(paging.offset)
    .execute()
  return rows.map(toStoredRequest)
}

/** How many requests a candidate has filed. */
export async function countExceptionRequestsOfCandidate(
  db: Kysely<DB>,
  candidateId: string,
): Promise<number> {
  return countRows(db.selectFrom('exception_requests').where('candidate_id', '=', candidateId))
}

/** One page of the requests with this status, oldest first (ties by id): the review queue. */
export async function listExceptionRequestsByStatus(
  db: Kysely<DB>,
  status: ExceptionRequestStatus,
  paging: Paging,
): Promise<StoredExceptionRequest[]> {
  const rows = await selectRequests(db)
    .where('exception_requests.status', '=', status)
    .orderBy('exception_requests.requested_at')
    .orderBy('exception_requests.id')
    .limit(paging.limit)
    .offset(paging.offset)
    .execute()
  return rows.map(toStoredRequest)
}

/** How many requests have this status. */
export function countExceptionRequestsByStatus(
  db: Kysely<DB>,
  status: ExceptionRequestStatus,
): Promise<number> {
  return countRows(db.selectFrom('exception_requests').where('status', '=', status))
}

/**
 * Records the review of an open request. Conditional on it being open, so
 * that of two reviews racing only one is recorded; false for the other (and
 * for a request that does not exist).
 */
export async function recordExceptionReview(
  db: Kysely<DB>,
  id: string,
  review: ExceptionReview,
): Promise<boolean> {
  const result = await db
    .updateTable('exception_requests')
    .set({
      status: review.decision,
      reviewed_at: writeInstant(review.at),
      reviewed_by: review.by,
      reviewed_by_role: review.byRole,
      review_note: review.note,
      waives_wait: writeFlag(review.waivesWait),
      waives_limit: writeFlag(review.waivesLimit),
      waiver_id: review.waiverId,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

type RequestRow = Selectable<ExceptionRequestTable> & {
  readonly held_by_registration_id: string | null
  readonly used_by_attempt_id: string | null
}

function toStoredRequest(row: RequestRow): StoredExceptionRequest {
  const reviewedAt = readOptionalInstant(row.reviewed_at)
  return {
    id: row.id,
    candidateId: row.candidate_id,
    registrationId: row.registration_id,
    exam: row.exam_number,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    description: row.description,
    providerCaseNumber: row.provider_case_number,
    reason: row.reason,
    status: row.status,
    channel: row.channel,
    requestedAt: readInstant(row.requested_at),
    requestedBy: row.requested_by,
    requestedByRole: row.requested_by_role,
    requestedByName: row.requested_by_name,
    requestedByLabel: row.requested_by_label,
    requestedReason: row.requested_reason,
    review:
      row.status === 'open' || reviewedAt === null
        ? null
        : {
            decision: row.status,
            at: reviewedAt,
            by: row.reviewed_by ?? '',
            byRole: row.reviewed_by_role ?? '',
            note: row.review_note ?? '',
            waivesWait: readFlag(row.waives_wait ?? 0),
            waivesLimit: readFlag(row.waives_limit ?? 0),
            waiverId: row.waiver_id,
          },
    waiver:
      row.waiver_id === null
        ? null
        : {
            heldByRegistrationId: row.held_by_registration_id,
            usedByAttemptId: row.used_by_attempt_id,
          },
  }
}
