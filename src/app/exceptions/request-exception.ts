import type { Kysely, Transaction } from 'kysely'
import { findCandidate } from '../../db/candidates/candidates.js'
import { findExam } from '../../db/catalogue/exams.js'
import { findProvider } from '../../db/catalogue/providers.js'
import { findSlotWithCentre } from '../../db/catalogue/slots.js'
import type { DB } from '../../db/engine/schema.js'
import {
  findStandingExceptionRequest,
  insertExceptionRequest,
} from '../../db/exceptions/exception-requests.js'
import { findRegistration } from '../../db/registrations/registrations.js'
import { parseExamNumber } from '../../domain/exam-number.js'
import type { ExceptionRequest } from '../../domain/exception-request.js'
import {
  decideExceptionRequest,
  EXCEPTION_POLICY,
  EXCEPTION_REQUEST_FIELDS,
  type ExceptionRequestText,
} from '../../domain/exception-request.js'
import type { Instant } from '../../domain/instant.js'
import { mayAccess } from '../../domain/object-access.js'
import type { Registration } from '../../domain/registration.js'
import { parseRegistrationCode } from '../../domain/registration-code.js'
import type { MailSettings } from '../../mail/mail-settings.js'
import type { Actor } from '../actor.js'
import { auditAction } from '../audit-action.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { hashRequest, type IdempotencyKey, type Idempotent } from '../idempotent.js'
import { drawReadableId } from '../readable-ids.js'
import { runCommand } from '../run-command.js'
import {
  EXCEPTION_REQUEST_SUBJECT,
  type ExceptionRequestView,
  toExceptionRequestView,
} from './get-exception-request.js'
import { enqueueExceptionMail } from './notify-exception.js'

export interface ExceptionDeps {
  readonly db: Kysely<DB>
  readonly clock: Clock
  readonly mail: MailSettings
}

/**
 * Files a retake-exception request for a sitting that went wrong, in one
 * transaction: every problem with it found at once (missing fields, an email
 * or name that is not the candidate's, a registration that is another's, for
 * another exam or not yet sat, a reason the policy refuses), at most one
 * standing request per registration, the audit entry and the mail saying it
 * was received. Support reviews it (`reviewException`).
 */
export async function requestException(
  deps: ExceptionDeps,
  input: ExceptionRequestText,
  actor: Actor,
  idempotency: IdempotencyKey | null,
): Promise<Idempotent<ExceptionRequestView>> {
  const now = deps.clock.now()
  // Field by field in a fixed order: the same request sent with its fields reordered is the same.
  const requestHash = hashRequest(
    'request-exception',
    EXCEPTION_REQUEST_FIELDS.map((field) => input[field] ?? null),
  )
  return runCommand(
    deps,
    {
      idempotency: { key: idempotency, requestHash },
      onConflict: {
        // Two requests for one registration raced past the check below; the unique index kept one.
        exception_requests: () => alreadyAsked(deps.db, input.registrationId ?? ''),
      },
    },
    (trx) => file(trx, deps, input, actor, now),
  )
}

async function file(
  trx: Transaction<DB>,
  deps: ExceptionDeps,
  input: ExceptionRequestText,
  actor: Actor,
  now: Instant,
): Promise<ExceptionRequestView> {
  const candidateId = input.candidateId?.trim() ?? ''
  const registrationText = input.registrationId?.trim() ?? ''
  const examNumber = parseExamNumber(input.exam ?? '')
  // Whatever the request names is read, so that the domain can judge all of it at once;
  // what the caller may not reach (another candidate, their registration) is read as missing.
  const { principal } = actor
  const candidate =
    candidateId === '' || !mayAccess(principal, { kind: 'candidate', candidateId })
      ? null
      : await findCandidate(trx, candidateId)
  const found =
    registrationText === ''
      ? null
      : await findRegistration(trx, parseRegistrationCode(registrationText) ?? registrationText)
  const registration =
    found === null || !mayAccess(principal, { kind: 'registration', ...ownerOf(found) })
      ? null
      : found
  const exam = examNumber === null ? null : await findExam(trx, examNumber)
  const sitting = registration ? await findSlotWithCentre(trx, registration.slotId) : null
  if (registration && !sitting) {
    throw new Error(`Registration ${registration.id} points at a missing slot`)
  }
  const decision = decideExceptionRequest(
    input,
    {
      candidate,
      registration:
        registration && sitting
          ? {
              id: registration.id,
              candidateId: registration.candidateId,
              exam: registration.exam,
              status: registration.status,
              startsAt: sitting.slot.startsAt,
            }
          : null,
      examKnown: exam !== null,
    },
    now,
  )
  if (!decision.accepted) {
    const reasonRefused = decision.code === 'EXCEPTION_REASON_NOT_ACCEPTED'
    throw new AppError(decision.code, {
      // The field the answer's sentence is about: the reason, or the first problem listed.
      field: reasonRefused ? 'reason' : decision.problems[0]?.field,
      errors: decision.problems,
      ...(reasonRefused ? { policy: EXCEPTION_POLICY } : {}),
    })
  }
  // Accepted: the candidate, the registration and the exam all exist.
  const fields = decision.request
  const standing = await findStandingExceptionRequest(trx, fields.registrationId)
  if (standing) {
    throw new AppError('EXCEPTION_REQUEST_EXISTS', {
      field: 'registrationId',
      registrationId: fields.registrationId,
      exceptionRequestId: standing.id,
      exceptionRequestStatus: standing.status,
    })
  }

  const request: ExceptionRequest = {
    // Read aloud on the phone like a registration id, in the same alphabet.
    id: drawReadableId(),
    candidateId: candidate!.id,
    registrationId: fields.registrationId,
    exam: fields.exam,
    firstName: fields.firstName,
    lastName: fields.lastName,
    email: fields.email,
    description: fields.description,
    providerCaseNumber: fields.providerCaseNumber,
    reason: fields.reason,
    status: 'open',
    channel: actor.channel,
    requestedAt: now,
    requestedBy: actor.principalId,
    requestedByRole: actor.role,
    requestedByName: actor.displayName,
    requestedByLabel: actor.tokenLabel,
    requestedReason: actor.reason,
    review: null,
  }
  await insertExceptionRequest(trx, request)
  await auditAction(trx, actor, now, {
    candidateId: request.candidateId,
    subjectType: EXCEPTION_REQUEST_SUBJECT,
    subjectId: request.id,
    action: 'requested',
    detail: {
      registrationId: request.registrationId,
      exam: request.exam,
      reason: request.reason,
      providerCaseNumber: request.providerCaseNumber,
    },
  })
  const examOut = { number: exam!.number, title: exam!.title }
  await enqueueExceptionMail(trx, deps.mail, {
    kind: 'exception-request-received',
    request,
    candidate: candidate!,
    exam: examOut,
    onBehalf: {
      role: actor.role,
      channel: actor.channel,
      at: now,
      displayName: actor.displayName,
      tokenLabel: actor.tokenLabel,
      reason: actor.reason,
      // A provider's system is named by its provider: the one the token acts for, else the sitting's.
      providerName:
        actor.role === 'provider'
          ? ((await findProvider(trx, actor.providerId ?? registration!.providerId))?.name ?? null)
          : null,
    },
    composedAt: now,
    candidateId: candidate!.id,
    // The address on file, which the request's own was checked against.
    recipient: candidate!.email,
  })
  return toExceptionRequestView({ ...request, waiver: null }, examOut.title)
}

/** The refusal for a registration that has a standing request, naming it when it can be read. */
async function alreadyAsked(db: Kysely<DB>, registrationText: string): Promise<AppError> {
  const text = registrationText.trim()
  const registrationId = parseRegistrationCode(text) ?? text
  const standing = await findStandingExceptionRequest(db, registrationId)
  return new AppError('EXCEPTION_REQUEST_EXISTS', {
    field: 'registrationId',
    registrationId,
    ...(standing
      ? { exceptionRequestId: standing.id, exceptionRequestStatus: standing.status }
      : {}),
  })
}

function ownerOf(registration: Registration) {
  return { candidateId: registration.candidateId, providerId: registration.providerId }
}
