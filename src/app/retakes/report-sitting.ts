import type { Kysely, Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { findExam } from '../../db/catalogue/exams.js'
import type { DB } from '../../db/engine/schema.js'
import {
  type RegistrationChange,
  updateRegistration,
} from '../../db/registrations/registrations.js'
import { insertAttempt } from '../../db/retakes/attempts.js'
import { listWaiversHeldBy, markWaiverUsed } from '../../db/retakes/waivers.js'
import type { AttemptOutcome } from '../../domain/attempt.js'
import { formatInstant, formatInZone, type Instant } from '../../domain/instant.js'
import type { Registration } from '../../domain/registration.js'
import { decideSittingReport } from '../../domain/sitting-report.js'
import type { MailSettings } from '../../mail/mail-settings.js'
import type { Actor } from '../actor.js'
import { auditAction } from '../audit-action.js'
import { enqueueBetaResultMail } from '../beta/notify-beta-result.js'
import { betaResultHold } from '../beta/withhold-beta-result.js'
import { getCandidate } from '../candidates/get-candidate.js'
import { loadAppointment } from '../catalogue/load-appointment.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { requireInstant } from '../input-fields.js'
import {
  loadRegistrationMoney,
  type RegistrationView,
  toRegistrationView,
} from '../registrations/registration-view.js'
import { findRegistrationFor } from '../registrations/require-live-booking.js'
import { runCommand } from '../run-command.js'

/**
 * What a provider reports about a sitting: the candidate checked in, did not
 * come, or sat the exam with an outcome (`pending` until scored, such as a
 * beta). A result becomes an attempt in the candidate's one history.
 *
 * A no-show is not an attempt: no exam was sat and no score exists, so it
 * counts toward neither the waits nor the attempt limit; the seat and the
 * appointment are spent, and the registration ends.
 */
export type SittingReport =
  | { readonly kind: 'check-in' }
  | { readonly kind: 'no-show' }
  | { readonly kind: 'result'; readonly outcome: AttemptOutcome; readonly takenAt?: string }

export async function reportSitting(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock; readonly mail: MailSettings },
  registrationId: string,
  report: SittingReport,
  actor: Actor,
): Promise<RegistrationView> {
  const now = deps.clock.now()
  return runCommand(deps, {}, async (trx) => {
    const registration = await findRegistrationFor(trx, registrationId, actor.principal)
    // An unpaid registration was never confirmed: there is no sitting to report on it.
    if (registration.paymentStatus === 'due' && report.kind !== 'no-show') {
      throw new AppError('PAYMENT_DUE', { field: 'id', registrationId: registration.id })
    }
    const appointment = await loadAppointment(trx, registration.slotId)
    if (!appointment) throw new Error(`Registration ${registration.id} points at a missing slot`)
    const { startsAt } = appointment.slot
    const takenAt =
      report.kind === 'result' && report.takenAt !== undefined
        ? requireInstant(report.takenAt, 'takenAt')
        : startsAt
    const verdict = decideSittingReport(report.kind, registration.status, startsAt, now, takenAt)
    if (!verdict.allowed) {
      const zone = appointment.centre.timeZone
      if (verdict.code === 'REGISTRATION_NOT_ACTIVE') {
        throw new AppError(verdict.code, {
          field: 'id',
          registrationId,
          registrationStatus: registration.status,
        })
      }
      if (verdict.code === 'REPORT_TOO_EARLY') {
        throw new AppError(verdict.code, {
          field: 'id',
          report: report.kind,
          fromLocal: formatInZone(verdict.from, zone),
        })
      }
      throw new AppError(verdict.code, {
        field: 'takenAt',
        from: formatInstant(verdict.from),
        until: formatInstant(verdict.until),
      })
    }

    let withheldUntil: Instant | null = null
    let change: RegistrationChange
    let detail: Record<string, unknown>
    if (report.kind === 'check-in') {
      change = { status: 'checked-in' }
      detail = {}
    } else if (report.kind === 'no-show') {
      change = { status: 'no-show' }
      detail = { countsAsAttempt: false }
    } else {
      // A beta's results stay pending until its programme releases them, whatever the provider knows.
      const hold = await betaResultHold(trx, registration.exam, report.outcome)
      const attemptId = await recordResult(trx, registration, hold.stored, takenAt, now)
      await hold.keep(attemptId, registration.candidateId, now)
      withheldUntil = hold.releaseAt
      change = { status: 'completed', attemptId }
      detail = {
        attemptId,
        outcome: hold.stored,
        ...(withheldUntil === null ? {} : { resultsReleaseAt: formatInstant(withheldUntil) }),
      }
    }

    if (!(await updateRegistration(trx, registration.id, registration.version, change, now))) {
      throw new AppError('REGISTRATION_CHANGED', { field: 'id', registrationId })
    }
    const action =
      report.kind === 'result'
        ? 'result-recorded'
        : report.kind === 'check-in'
          ? 'checked-in'
          : 'no-show'
    await auditAction(trx, actor, now, {
      candidateId: registration.candidateId,
      subjectType: 'registration',
      subjectId: registration.id,
      action,
      detail,
    })
    const exam = await findExam(trx, registration.exam)
    if (withheldUntil !== null) {
      const candidate = await getCandidate({ db: trx }, registration.candidateId)
      await enqueueBetaResultMail(trx, deps.mail, {
        kind: 'beta-result-due',
        candidate,
        exam: registration.exam,
        examTitle: exam?.title ?? registration.exam,
        attemptId: detail.attemptId as string,
        resultsReleaseAt: withheldUntil,
        outcome: null,
        now,
      })
    }
    return toRegistrationView(
      {
        ...registration,
        ...change,
        version: registration.version + 1,
        updatedAt: now,
      } as Registration,
      exam?.title ?? registration.exam,
      appointment,
      await loadRegistrationMoney(trx, registration.id),
    )
  })
}

/** The sitting as an attempt at the registration's provider; an exception the booking held is now used. */
async function recordResult(
  trx: Transaction<DB>,
  registration: Registration,
  outcome: AttemptOutcome,
  takenAt: Instant,
  now: Instant,
): Promise<string> {
  const attemptId = uuidv7()
  await insertAttempt(trx, {
    id: attemptId,
    candidateId: registration.candidateId,
    exam: registration.exam,
    provider: registration.providerId,
    takenAt,
    outcome,
    recordedAt: now,
  })
  for (const waiver of await listWaiversHeldBy(trx, registration.id)) {
    await markWaiverUsed(trx, waiver.id, attemptId)
  }
  return attemptId
}
