import { v7 as uuidv7 } from 'uuid'
import { findExam } from '../../db/catalogue/exams.js'
import { recordExceptionReview } from '../../db/exceptions/exception-requests.js'
import { insertWaiver } from '../../db/retakes/waivers.js'
import type { ExceptionReview } from '../../domain/exception-request.js'
import type { Actor } from '../actor.js'
import { auditAction } from '../audit-action.js'
import { getCandidate } from '../candidates/get-candidate.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import {
  EXCEPTION_REQUEST_SUBJECT,
  type ExceptionRequestView,
  requireExceptionRequest,
  toExceptionRequestView,
} from './get-exception-request.js'
import { enqueueExceptionMail } from './notify-exception.js'
import type { ExceptionDeps } from './request-exception.js'

/** Support's decision: approve, lifting the wait, the limit or both for one attempt; or deny. */
export type ExceptionDecision =
  | {
      readonly decision: 'approve'
      readonly note: string
      readonly waivesWait: boolean
      readonly waivesLimit: boolean
    }
  | { readonly decision: 'deny'; readonly note: string }

/**
 * Reviews an open exception request, in one transaction. An approval grants
 * the candidate a waiver for the exam, which the retake policy applies to
 * the next registration of that exam that needs it. A request is reviewed
 * once: of two reviews racing, the conditional update lets one through and
 * the other is refused (its waiver rolls back with it). The candidate is
 * mailed the decision, and the audit trail records it.
 */
export async function reviewException(
  deps: ExceptionDeps,
  requestId: string,
  input: ExceptionDecision,
  actor: Actor,
): Promise<ExceptionRequestView> {
  const now = deps.clock.now()
  const note = input.note.trim()
  if (note === '') {
    throw new AppError('VALIDATION_FAILED', {
      field: 'note',
      problem: 'must not be empty',
      errors: [{ field: 'note', problem: 'must not be empty' }],
    })
  }
  const approve = input.decision === 'approve'
  const waivesWait = approve && input.waivesWait
  const waivesLimit = approve && input.waivesLimit
  if (approve && !waivesWait && !waivesLimit) {
    throw new AppError('EXCEPTION_WAIVES_NOTHING', { field: 'waivesWait' })
  }

  return runCommand(deps, {}, async (trx) => {
    const request = await requireExceptionRequest(trx, requestId)
    const alreadyReviewed = (status: string) =>
      new AppError('EXCEPTION_REQUEST_ALREADY_REVIEWED', {
        field: 'id',
        exceptionRequestId: request.id,
        exceptionRequestStatus: status,
      })
    if (request.status !== 'open') throw alreadyReviewed(request.status)

    // The waiver first: the request row points at it.
    const waiverId = approve ? uuidv7() : null
    if (waiverId !== null) {
      await insertWaiver(trx, {
        id: waiverId,
        candidateId: request.candidateId,
        exam: request.exam,
        waivesWait,
        waivesLimit,
        grantedAt: now,
        note: `Exception request ${request.id}: ${note}`,
      })
    }
    const review: ExceptionReview = {
      decision: approve ? 'approved' : 'denied',
      at: now,
      by: actor.principalId,
      byRole: actor.role,
      note,
      waivesWait,
      waivesLimit,
      waiverId,
    }
    // Another review got there first (and committed while this one waited).
    if (!(await recordExceptionReview(trx, request.id, review))) throw alreadyReviewed('reviewed')

    await auditAction(trx, actor, now, {
      candidateId: request.candidateId,
      subjectType: EXCEPTION_REQUEST_SUBJECT,
      subjectId: request.id,
      action: review.decision,
      detail: approve ? { note, waivesWait, waivesLimit, waiverId } : { note },
    })
    const candidate = await getCandidate({ db: trx }, request.candidateId)
    const exam = await findExam(trx, request.exam)
    const examOut = { number: request.exam, title: exam?.title ?? request.exam }
    await enqueueExceptionMail(trx, deps.mail, {
      kind: approve ? 'exception-request-approved' : 'exception-request-denied',
      request,
      candidate,
      exam: examOut,
      review: { note, waivesWait, waivesLimit },
      composedAt: now,
      candidateId: candidate.id,
      recipient: candidate.email,
    })
    return toExceptionRequestView(
      {
        ...request,
        status: review.decision,
        review,
        waiver: waiverId === null ? null : { heldByRegistrationId: null, usedByAttemptId: null },
      },
      examOut.title,
    )
  })
}
