import { randomBytes } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { appendAudit } from '../db/audit-log.js'
import { insertRegistration, type Registration } from '../db/registrations.js'
import type { DB } from '../db/schema.js'
import { takeSeat } from '../db/seats.js'
import { findSlotToBook } from '../db/slots.js'
import { violatedTable } from '../db/unique-violation.js'
import { holdWaiver } from '../db/waivers.js'
import { decideRetake } from '../domain/decide-retake.js'
import type { Exam } from '../domain/exam.js'
import { formatInstant, formatInZone, type Instant } from '../domain/instant.js'
import { formatRegistrationCode } from '../domain/registration-code.js'
import type { MailSettings } from '../mail/mail-settings.js'
import type { Actor } from './actor.js'
import type { Clock } from './clock.js'
import { AppError } from './errors.js'
import { getCandidate } from './get-candidate.js'
import { getCatalogueExam } from './get-exam.js'
import { hashRequest, type IdempotencyKey, type Idempotent, runIdempotent } from './idempotent.js'
import { loadRetakeFacts } from './load-retake-facts.js'
import { notifyAppointment } from './notify-appointment.js'
import { refuseRetake } from './refuse-retake.js'
import { type Appointment, type RegistrationView, toRegistrationView } from './registration-view.js'

export interface RegisterInput {
  readonly candidateId: string
  readonly exam: string
  readonly slotId: string
}

export interface RegisterDeps {
  readonly db: Kysely<DB>
  readonly clock: Clock
  readonly mail: MailSettings
}

/**
 * Books one seat for one candidate and one exam, in one transaction: the
 * retake policy judged for the slot's instant on the whole history at every
 * provider, a seat taken only if one is free, at most one live registration
 * per candidate and exam, the audit entry and the confirmation mail.
 */
export async function register(
  deps: RegisterDeps,
  input: RegisterInput,
  actor: Actor,
  idempotency: IdempotencyKey | null,
): Promise<Idempotent<RegistrationView>> {
  const now = deps.clock.now()
  // Built field by field: a retry that sends the same fields in another order is the same request.
  const requestHash = hashRequest('register', {
    candidateId: input.candidateId,
    exam: input.exam,
    slotId: input.slotId,
  })
  try {
    return await runIdempotent(deps.db, idempotency, requestHash, now, (trx) =>
      book(trx, deps, input, actor, now),
    )
  } catch (error) {
    // Two bookings raced past the check below; the unique index kept one.
    if (violatedTable(error) === 'registrations') {
      throw new AppError('ALREADY_REGISTERED', { field: 'exam', exam: input.exam })
    }
    throw error
  }
}

async function book(
  trx: Transaction<DB>,
  deps: RegisterDeps,
  input: RegisterInput,
  actor: Actor,
  now: Instant,
): Promise<RegistrationView> {
  const candidate = await getCandidate({ db: trx }, input.candidateId)
  // The catalogue (exam, policy, certifications) is read as remembered; the history fresh.
  const catalogue = { db: deps.db, clock: deps.clock, reader: trx }
  const exam = await getCatalogueExam(catalogue, input.exam)
  // The candidate's live registration for the exam is read with the slot, in one query.
  const { appointment, liveRegistrationId } = await requireSlotToBook(
    trx,
    input.slotId,
    exam,
    now,
    candidate.id,
  )

  if (liveRegistrationId !== null)
    throw new AppError('ALREADY_REGISTERED', {
      field: 'exam',
      exam: exam.number,
      registrationId: liveRegistrationId,
    })

  const { policies, facts } = await loadRetakeFacts(trx, candidate, exam, catalogue)
  const decision = decideRetake(policies, facts, exam, appointment.slot.startsAt)
  if (!decision.eligible) throw refuseRetake(decision)

  if (!(await takeSeat(trx, appointment.slot.id))) {
    throw new AppError('SEAT_UNAVAILABLE', {
      field: 'slotId',
      slotId: appointment.slot.id,
      startsAtLocal: formatInZone(appointment.slot.startsAt, appointment.centre.timeZone),
    })
  }

  const registration: Registration = {
    id: formatRegistrationCode(randomBytes(12)),
    candidateId: candidate.id,
    exam: exam.number,
    slotId: appointment.slot.id,
    providerId: appointment.provider.id,
    status: 'booked',
    channel: actor.channel,
    bookedBy: actor.tokenId,
    bookedByRole: actor.role,
    waiverId: decision.waiverId,
    attemptId: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  await insertRegistration(trx, registration)
  if (decision.waiverId !== null && !(await holdWaiver(trx, decision.waiverId, registration.id))) {
    // Another booking or attempt took the exception first: judged without it, this one is refused.
    const withoutIt = {
      ...facts,
      waivers: facts.waivers.filter((waiver) => waiver.id !== decision.waiverId),
    }
    throw refuseRetake(decideRetake(policies, withoutIt, exam, appointment.slot.startsAt))
  }
  await appendAudit(trx, {
    id: uuidv7(),
    at: now,
    actorId: actor.tokenId,
    actorRole: actor.role,
    channel: actor.channel,
    candidateId: candidate.id,
    subjectType: 'registration',
    subjectId: registration.id,
    action: 'registered',
    detail: {
      exam: exam.number,
      slotId: appointment.slot.id,
      startsAt: formatInstant(appointment.slot.startsAt),
      provider: appointment.provider.id,
      centre: appointment.centre.id,
      waiverId: decision.waiverId,
      policy: decision.policy,
    },
  })
  const view = toRegistrationView(registration, exam.title, appointment)
  await notifyAppointment(
    trx,
    deps.mail,
    'registration-confirmed',
    view,
    candidate,
    actor,
    null,
    now,
  )
  return view
}

/** The slot, its centre and provider, if the slot exists, is ahead, and its provider delivers the exam. */
export async function requireBookableSlot(
  db: Kysely<DB>,
  slotId: string,
  exam: Exam,
  now: Instant,
): Promise<Appointment> {
  return (await requireSlotToBook(db, slotId, exam, now, null)).appointment
}

/**
 * `requireBookableSlot`, and `candidateId`'s live registration for the exam
 * (null if none), read in the same query as the slot.
 */
async function requireSlotToBook(
  db: Kysely<DB>,
  slotId: string,
  exam: Exam,
  now: Instant,
  candidateId: string | null,
): Promise<{ readonly appointment: Appointment; readonly liveRegistrationId: string | null }> {
  // The slot, its centre, its provider and whether it delivers the exam: one query.
  const found = await findSlotToBook(db, slotId, exam.number, candidateId)
  if (!found) throw new AppError('SLOT_NOT_FOUND', { field: 'slotId', slotId })
  const { appointment } = found
  if (appointment.slot.startsAt <= now) {
    throw new AppError('SLOT_IN_PAST', {
      field: 'slotId',
      startsAtLocal: formatInZone(appointment.slot.startsAt, appointment.centre.timeZone),
    })
  }
  if (!found.delivers) {
    throw new AppError('EXAM_NOT_DELIVERED', {
      field: 'slotId',
      provider: appointment.provider.name,
      exam: exam.number,
    })
  }
  return { appointment, liveRegistrationId: found.liveRegistrationId }
}
