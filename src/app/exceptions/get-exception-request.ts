import type { Kysely } from 'kysely'
import { listAuditOf } from '../../db/audit-log.js'
import { findCandidate } from '../../db/candidates/candidates.js'
import { findExam, findExams } from '../../db/catalogue/exams.js'
import { findProvider } from '../../db/catalogue/providers.js'
import type { Paging } from '../../db/engine/paging.js'
import type { DB } from '../../db/engine/schema.js'
import {
  countExceptionRequestsOfCandidate,
  findExceptionRequest,
  listExceptionRequestsOfCandidate,
} from '../../db/exceptions/exception-requests.js'
import { isOnBehalf } from '../../domain/acted-by.js'
import type {
  ExceptionReason,
  ExceptionRequestStatus,
  StoredExceptionRequest,
} from '../../domain/exception-request.js'
import type { Instant } from '../../domain/instant.js'
import type { Principal } from '../../domain/principal.js'
import { parseRegistrationCode } from '../../domain/registration-code.js'
import { requireAccess } from '../access/require-access.js'
import { getCandidateFor } from '../candidates/get-candidate.js'
import { AppError } from '../errors.js'
import type { Page } from '../page.js'
import {
  describeHistory,
  type HistoryEntry,
  type HistoryVerbs,
} from '../registrations/registration-history.js'

/** The audit trail's name for a request, as `registration` is a booking's. */
export const EXCEPTION_REQUEST_SUBJECT = 'exception-request'

/**
 * A request as the candidate and support see it: what was asked, where it
 * stands, how it was decided, and what became of the waiver it granted.
 * Plain JSON, since it is also the stored answer to an idempotent request.
 */
export interface ExceptionRequestView {
  readonly id: string
  readonly candidateId: string
  readonly registrationId: string
  readonly exam: { readonly number: string; readonly title: string }
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  readonly description: string
  readonly providerCaseNumber: string
  readonly reason: ExceptionReason
  readonly status: ExceptionRequestStatus
  readonly channel: string
  readonly requestedAt: Instant
  readonly requestedBy: {
    readonly tokenId: string
    readonly role: string
    readonly onBehalf: boolean
    /** Who, by name, and why staff filed it for the candidate (absent from answers stored before names were kept). */
    readonly displayName?: string | null
    readonly tokenLabel?: string | null
    readonly reason?: string | null
  }
  readonly review: {
    readonly decision: 'approved' | 'denied'
    readonly at: Instant
    readonly by: { readonly tokenId: string; readonly role: string }
    readonly note: string
    readonly waivesWait: boolean
    readonly waivesLimit: boolean
  } | null
  /** The waiver an approval granted: `available` until a booking holds it, `used` once an attempt took it. */
  readonly waiver: {
    readonly id: string
    readonly state: 'available' | 'held' | 'used'
    readonly heldByRegistrationId: string | null
    readonly usedByAttemptId: string | null
  } | null
}

export function toExceptionRequestView(
  request: StoredExceptionRequest,
  examTitle: string,
): ExceptionRequestView {
  const { review, waiver } = request
  return {
    id: request.id,
    candidateId: request.candidateId,
    registrationId: request.registrationId,
    exam: { number: request.exam, title: examTitle },
    firstName: request.firstName,
    lastName: request.lastName,
    email: request.email,
    description: request.description,
    providerCaseNumber: request.providerCaseNumber,
    reason: request.reason,
    status: request.status,
    channel: request.channel,
    requestedAt: request.requestedAt,
    requestedBy: {
      tokenId: request.requestedBy,
      role: request.requestedByRole,
      onBehalf: isOnBehalf(request.requestedByRole),
      displayName: request.requestedByName ?? null,
      tokenLabel: request.requestedByLabel ?? null,
      reason: request.requestedReason ?? null,
    },
    review:
      review === null
        ? null
        : {
            decision: review.decision,
            at: review.at,
            by: { tokenId: review.by, role: review.byRole },
            note: review.note,
            waivesWait: review.waivesWait,
            waivesLimit: review.waivesLimit,
          },
    waiver:
      review?.waiverId == null || waiver === null
        ? null
        : {
            id: review.waiverId,
            state:
              waiver.usedByAttemptId !== null
                ? 'used'
                : waiver.heldByRegistrationId !== null
                  ? 'held'
                  : 'available',
            heldByRegistrationId: waiver.heldByRegistrationId,
            usedByAttemptId: waiver.usedByAttemptId,
          },
  }
}

/** The request (its id in any case, with or without dashes), or EXCEPTION_REQUEST_NOT_FOUND. */
export async function requireExceptionRequest(
  db: Kysely<DB>,
  requestId: string,
): Promise<StoredExceptionRequest> {
  const request = await findExceptionRequest(db, parseRegistrationCode(requestId) ?? requestId)
  if (!request)
    throw new AppError('EXCEPTION_REQUEST_NOT_FOUND', {
      field: 'id',
      exceptionRequestId: requestId,
    })
  return request
}

/** Reads what a view needs beside the stored request: the exam's title. */
async function loadExceptionRequestView(
  db: Kysely<DB>,
  request: StoredExceptionRequest,
): Promise<ExceptionRequestView> {
  const exam = await findExam(db, request.exam)
  return toExceptionRequestView(request, exam?.title ?? request.exam)
}

/**
 * A request with every step taken on it (filed, approved or denied: who, by
 * name, how, when and why), and what the candidate is told of a request
 * someone filed for them, on the candidate's clock.
 */
export async function getExceptionRequest(
  deps: { readonly db: Kysely<DB> },
  requestId: string,
  viewer: Principal,
): Promise<{ readonly request: ExceptionRequestView; readonly history: HistoryEntry[] }> {
  const request = await requireExceptionRequest(deps.db, requestId)
  // Another candidate's request answers as a missing one.
  requireAccess(
    viewer,
    { kind: 'exception-request', candidateId: request.candidateId },
    () =>
      new AppError('EXCEPTION_REQUEST_NOT_FOUND', { field: 'id', exceptionRequestId: requestId }),
  )
  const [view, history, candidate] = await Promise.all([
    loadExceptionRequestView(deps.db, request),
    listAuditOf(deps.db, EXCEPTION_REQUEST_SUBJECT, request.id),
    findCandidate(deps.db, request.candidateId),
  ])
  const providerId = history.find((entry) => entry.actorProviderId)?.actorProviderId
  const provider = providerId ? await findProvider(deps.db, providerId) : null
  const told = {
    verbs: EXCEPTION_VERBS,
    timeZone: candidate?.timeZone ?? 'UTC',
    provider: provider === null ? null : { id: provider.id, name: provider.name },
  }
  return { request: view, history: describeHistory(history, told) }
}

// Filing is what is done for a candidate; a review is support's own decision, mailed as such.
const EXCEPTION_VERBS: HistoryVerbs = { requested: 'filed' }

/** One page of a candidate's exception requests, newest first, and how many there are. */
export async function listCandidateExceptionRequests(
  deps: { readonly db: Kysely<DB> },
  candidateId: string,
  paging: Paging,
  viewer: Principal,
): Promise<Page<ExceptionRequestView>> {
  await getCandidateFor(deps, candidateId, viewer, 'id')
  const [requests, total] = await Promise.all([
    listExceptionRequestsOfCandidate(deps.db, candidateId, paging),
    countExceptionRequestsOfCandidate(deps.db, candidateId),
  ])
  // The exams' titles in one statement, not one per request.
  const exams = await findExams(deps.db, [...new Set(requests.map((request) => request.exam))])
  const items = requests.map((request) =>
    toExceptionRequestView(request, exams.get(request.exam)?.title ?? request.exam),
  )
  return { items, total }
}
