import { randomBytes } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { insertBetaRegistration, takeBetaSeat } from '../../db/beta/beta-programmes.js'
import { takeSeat } from '../../db/catalogue/seats.js'
import { findSlotToBook, type SlotToBook } from '../../db/catalogue/slots.js'
import type { DB } from '../../db/engine/schema.js'
import { violatedTable } from '../../db/engine/unique-violation.js'
import { findBookingFacts } from '../../db/registrations/booking-facts.js'
import {
  insertRegistration,
  type PaymentStatus,
  type Registration,
} from '../../db/registrations/registrations.js'
import { holdWaiver } from '../../db/retakes/waivers.js'
import { decideRetake } from '../../domain/decide-retake.js'
import type { Exam } from '../../domain/exam.js'
import { formatInstant, formatInZone, type Instant } from '../../domain/instant.js'
import type { PaymentMethod } from '../../domain/offer.js'
import { paymentStatusOf } from '../../domain/price.js'
import { formatRegistrationCode } from '../../domain/registration-code.js'
import { computeHoldExpiresAt, DEFAULT_HOLD_MINUTES } from '../../domain/unpaid-hold.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { readBetaAccess } from '../beta/beta-access.js'
import { getCandidate } from '../candidates/get-candidate.js'
import { getCatalogueExam } from '../catalogue/get-exam.js'
import { AppError } from '../errors.js'
import {
  type Answered,
  hashRequest,
  type IdempotencyKey,
  type Idempotent,
  runIdempotentThenLastly,
} from '../idempotent.js'
import { loadRetakeFacts } from '../retakes/load-retake-facts.js'
import { refuseRetake } from '../retakes/refuse-retake.js'
import { codeCallerOf, countingWrongCodes } from '../vouchers/code-throttle.js'
import { decideCodes } from '../vouchers/decide-codes.js'
import { redeemCodes, takeCountedUses } from '../vouchers/redeem-codes.js'
import { actedAt, notifyAppointment } from './notify-appointment.js'
import { recordPayment } from './record-payment.js'
import { type Appointment, type RegistrationView, toRegistrationView } from './registration-view.js'
import { requireDeadlinesAcknowledged } from './require-deadlines-acknowledged.js'

export interface RegisterInput {
  readonly candidateId: string
  readonly exam: string
  readonly slotId: string
  /** Voucher, discount or promotion codes, as typed. */
  readonly voucherCodes?: readonly string[]
  /** The candidate has read what the registration gives up (a free retake) and goes ahead. */
  readonly acknowledgeForfeit?: boolean
  /** The candidate knows the seat's reschedule or cancel deadline has passed, and books it anyway. */
  readonly acknowledgeDeadlines?: boolean
  /** Pay what is due at once; without it, a registration with an amount due waits for payment. */
  readonly payment?: {
    readonly method: Exclude<PaymentMethod, 'free'>
    readonly reference?: string
  }
  /** ISO 4217; the exam's USD price (or its only one) unless said. */
  readonly currency?: string
}

/** Draws a registration id: twelve characters, about 59 random bits. */
function drawRandomRegistrationId(): string {
  return formatRegistrationCode(randomBytes(12))
}

/** Ids drawn for one registration before giving up: a second collision in 59 bits means the source is broken. */
const MAX_ID_DRAWS = 5

/**
 * Books one seat for one candidate and one exam, in one transaction: the
 * retake policy judged for the slot's instant on the whole history at every
 * provider, a seat taken only if one is free, at most one live registration
 * per candidate and exam, the audit entry and the confirmation mail.
 */
export async function register(
  deps: AppDeps,
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
    ...(input.voucherCodes?.length ? { voucherCodes: input.voucherCodes } : {}),
    ...(input.acknowledgeForfeit ? { acknowledgeForfeit: true } : {}),
    ...(input.acknowledgeDeadlines ? { acknowledgeDeadlines: true } : {}),
    ...(input.payment
      ? { payment: { method: input.payment.method, reference: input.payment.reference ?? null } }
      : {}),
    ...(input.currency ? { currency: input.currency } : {}),
  })
  const guesser = { candidateId: input.candidateId, caller: codeCallerOf(actor) }
  try {
    return await countingWrongCodes(deps.db, guesser, now, () =>
      runIdempotentThenLastly(deps.db, idempotency, requestHash, now, (trx) =>
        book(trx, deps, input, actor, now),
      ),
    )
  } catch (error) {
    // Two bookings raced past the check below; the unique index kept one.
    if (violatedTable(error) === 'registrations') {
      throw new AppError('ALREADY_REGISTERED', { field: 'exam', exam: input.exam })
    }
    // Two registrations for one beta exam raced (at two providers, say); the primary key kept one.
    if (violatedTable(error) === 'beta_registrations') {
      throw new AppError('BETA_ALREADY_REGISTERED', { field: 'exam', exam: input.exam })
    }
    // Two registrations took the same use of one code at once; the unique index kept one.
    if (violatedTable(error) === 'voucher_uses') {
      throw new AppError('CODE_ALREADY_USED', {
        field: 'voucherCode',
        reason: 'This code was used by another registration at the same moment.',
      })
    }
    throw error
  }
}

const ROLL_BACK = Symbol('roll back')

/**
 * Makes a registration through the real path (policy, programme, codes,
 * seats, every write) and rolls it all back: the self-check that shows a
 * wave's invitation code really books before anyone is invited.
 */
export async function dryRunRegistration(
  deps: AppDeps,
  input: RegisterInput,
  actor: Actor,
  rehearsing: { readonly waveId: string },
): Promise<RegistrationView> {
  const now = deps.clock.now()
  let view: RegistrationView | undefined
  try {
    await deps.db.transaction().execute(async (trx) => {
      const answered = await book(trx, deps, input, actor, now, rehearsing.waveId)
      await answered.lastly?.()
      view = answered.result
      throw ROLL_BACK
    })
  } catch (error) {
    if (error !== ROLL_BACK) throw error
  }
  if (!view) throw new Error('A dry-run registration ended without an answer')
  return view
}

/**
 * The booking itself. Checks and reads first, then the rows of this
 * registration alone; the shared counters (the slot's seats, a code's
 * counted uses, the programme's seats) are left to `lastly`, which the
 * caller runs as the transaction's last writes, after storing the answer:
 * each is a row every booking of the slot, code or beta updates, locked
 * from its update to the commit, so they are held for as short a time as
 * the transaction allows, always in the same order.
 */
async function book(
  trx: Transaction<DB>,
  deps: AppDeps,
  input: RegisterInput,
  actor: Actor,
  now: Instant,
  /** The draft wave whose self-check this is: its invitees are treated as invited by an open wave. */
  rehearsedWaveId: string | null = null,
): Promise<Answered<RegistrationView>> {
  // The catalogue (exam, policy, certifications) is read as remembered; the rest fresh.
  const catalogue = { db: deps.db, clock: deps.clock, reader: trx }
  const exam = await getCatalogueExam(catalogue, input.exam).catch(async (error: unknown) => {
    // An unknown candidate is the first thing a booking refuses.
    await getCandidate({ db: trx }, input.candidateId)
    throw error
  })
  // The candidate, the slot and its checks, the price, whether there are codes or history: one query.
  const found = await findBookingFacts(trx, input.candidateId, input.slotId, exam.number)
  if (!found)
    throw new AppError('CANDIDATE_NOT_FOUND', {
      field: 'candidateId',
      candidateId: input.candidateId,
    })
  const { candidate } = found
  const { appointment } = checkSlotToBook(found.slot, input.slotId, exam, now)
  const { liveRegistrationId } = found
  if (liveRegistrationId !== null)
    throw new AppError('ALREADY_REGISTERED', {
      field: 'exam',
      exam: exam.number,
      registrationId: liveRegistrationId,
    })

  // No attempt and no open exception anywhere (the facts say so): nothing to read.
  const retake = await loadRetakeFacts(
    trx,
    candidate,
    exam,
    catalogue,
    found.hasHistory ? undefined : { attempts: [], waivers: [] },
  )
  const { policies, facts } = retake
  const decision = decideRetake(policies, facts, exam, appointment.slot.startsAt)
  const beta = await readBetaAccess(trx, candidate, exam, rehearsedWaveId)
  if (beta && !beta.access.allowed) {
    throw new AppError(beta.access.code, {
      field: 'exam',
      exam: exam.number,
      reason: beta.access.reason,
    })
  }
  if (!decision.eligible) throw refuseRetake(decision)

  const codes = await decideCodes(trx, {
    candidate,
    exam,
    pricing: found.pricing,
    appointment,
    codes: input.voucherCodes ?? [],
    paymentMethod: input.payment?.method ?? null,
    currency: input.currency ?? null,
    retake,
    caller: codeCallerOf(actor),
    now,
    holdsCodes: found.holdsCodes,
  })
  if (codes.loses.length > 0 && input.acknowledgeForfeit !== true) {
    throw new AppError('CODE_WOULD_FORFEIT', { field: 'acknowledgeForfeit', loses: codes.loses })
  }
  const deadlinesPassed = requireDeadlinesAcknowledged(
    appointment,
    now,
    input.acknowledgeDeadlines === true,
  )
  const price = codes.price
  const paymentStatus: PaymentStatus = paymentStatusOf(price, input.payment !== undefined)

  const registration = await insertWithNewId(trx, deps, {
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
    price,
    paymentStatus,
    holdExpiresAt:
      paymentStatus === 'due'
        ? computeHoldExpiresAt(
            now,
            beta?.programme.holdMinutes ?? deps.holdMinutes ?? DEFAULT_HOLD_MINUTES,
            appointment.slot.startsAt,
          )
        : null,
    holdEnded: null,
  })
  if (beta) await insertBetaRegistration(trx, exam.number, candidate.id, registration.id, now)
  await redeemCodes(trx, codes, registration, exam.number, now)
  const payment =
    price !== null && paymentStatus === 'paid'
      ? await recordPayment(trx, actor, now, {
          registrationId: registration.id,
          method: price.dueCents === 0 ? 'free' : (input.payment?.method ?? 'free'),
          currency: price.currency,
          cents: price.dueCents,
          reference: input.payment?.reference ?? null,
        })
      : null
  if (decision.waiverId !== null && !(await holdWaiver(trx, decision.waiverId, registration.id))) {
    // Another booking or attempt took the exception first: judged without it, this one is refused.
    const withoutIt = {
      ...facts,
      waivers: facts.waivers.filter((waiver) => waiver.id !== decision.waiverId),
    }
    throw refuseRetake(decideRetake(policies, withoutIt, exam, appointment.slot.startsAt))
  }
  await auditAction(trx, actor, now, {
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
      price,
      paymentStatus,
      ...(registration.holdExpiresAt === null
        ? {}
        : { holdExpiresAt: formatInstant(registration.holdExpiresAt) }),
      ...(codes.loses.length > 0 ? { acknowledgedLosses: codes.loses } : {}),
      ...(deadlinesPassed.length > 0 ? { acknowledgedDeadlinesPassed: deadlinesPassed } : {}),
    },
  })
  const view = toRegistrationView(registration, exam.title, appointment, {
    payment,
    refund: null,
  })
  // Not confirmed until paid: the confirmation goes out with the payment.
  if (paymentStatus !== 'due') {
    await notifyAppointment(trx, deps.mail, {
      kind: 'registration-confirmed',
      view,
      candidate,
      acted: actedAt(actor, now),
      now,
    })
  }

  // The shared counters, last (see above): after the answer is stored under its key.
  const lastly = async () => {
    if (!(await takeSeat(trx, appointment.slot.id))) {
      throw new AppError('SEAT_UNAVAILABLE', {
        field: 'slotId',
        slotId: appointment.slot.id,
        startsAtLocal: formatInZone(appointment.slot.startsAt, appointment.centre.timeZone),
      })
    }
    await takeCountedUses(trx, codes)
    if (beta && !(await takeBetaSeat(trx, exam.number))) {
      throw new AppError('BETA_SEATS_FULL', { field: 'exam', exam: exam.number })
    }
  }
  return { result: view, lastly }
}

/**
 * Stores the registration under a newly drawn id, drawing again when the id
 * is taken: a collision of random ids is not the candidate's second booking.
 */
async function insertWithNewId(
  trx: Kysely<DB>,
  deps: AppDeps,
  fields: Omit<Registration, 'id'>,
): Promise<Registration> {
  const draw = deps.drawRegistrationId ?? drawRandomRegistrationId
  for (let tries = 0; tries < MAX_ID_DRAWS; tries++) {
    const registration: Registration = { id: draw(), ...fields }
    if (await insertRegistration(trx, registration)) return registration
  }
  throw new Error(`${MAX_ID_DRAWS} registration ids drawn in a row were taken already`)
}

/** The slot, its centre and provider, if the slot exists, is ahead, and its provider delivers the exam. */
export async function requireBookableSlot(
  db: Kysely<DB>,
  slotId: string,
  exam: Exam,
  now: Instant,
): Promise<Appointment> {
  // The slot, its centre, its provider and whether it delivers the exam: one query.
  const found = await findSlotToBook(db, slotId, exam.number)
  return checkSlotToBook(found, slotId, exam, now).appointment
}

/** The slot as `findSlotToBook` found it, if it exists, is ahead, and its provider delivers the exam. */
function checkSlotToBook(
  found: SlotToBook | null,
  slotId: string,
  exam: Exam,
  now: Instant,
): SlotToBook {
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
  return found
}
