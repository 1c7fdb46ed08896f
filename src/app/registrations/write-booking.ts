import type { Kysely, Transaction } from 'kysely'
import { insertBetaRegistration, takeBetaSeat } from '../../db/beta/beta-programmes.js'
import { takeSeat } from '../../db/catalogue/seats.js'
import type { DB } from '../../db/engine/schema.js'
import { insertRegistration } from '../../db/registrations/registrations.js'
import { holdWaiver } from '../../db/retakes/waivers.js'
import type { GoAhead } from '../../domain/decide-booking.js'
import { decideRetake } from '../../domain/decide-retake.js'
import { formatInstant, formatInZone, type Instant } from '../../domain/instant.js'
import type { Registration } from '../../domain/registration.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { AppError } from '../errors.js'
import { drawReadableId } from '../readable-ids.js'
import { refuseRetake } from '../retakes/refuse-retake.js'
import type { CommandContext } from '../run-command.js'
import { redeemCodes, takeCountedUses } from '../vouchers/redeem-codes.js'
import { actedAt, notifyAppointment } from './notify-appointment.js'
import type { SlotBookingRead } from './read-booking-facts.js'
import { recordPayment } from './record-payment.js'
import type { RegisterInput } from './register-input.js'
import { type RegistrationView, toRegistrationView } from './registration-view.js'

/** A booking the domain let go ahead, and who asked for it when. */
export interface BookingToWrite {
  readonly deps: AppDeps
  readonly input: RegisterInput
  readonly actor: Actor
  readonly now: Instant
  readonly decision: GoAhead<SlotBookingRead>
}

/** Ids drawn for one registration before giving up: a second collision in 59 bits means the source is broken. */
const MAX_ID_DRAWS = 5

/**
 * Writes a booking that goes ahead: first the rows of this registration
 * alone; the shared counters (the slot's seats, a code's counted uses, the
 * programme's seats) are left to the command's `afterAnswer`, its last
 * writes, after the answer is stored: each is a row every
 * booking of the slot, code or beta updates, locked from its update to the
 * commit, so they are held for as short a time as the transaction allows,
 * always in the same order.
 */
export async function writeBooking(
  trx: Transaction<DB>,
  command: CommandContext,
  booking: BookingToWrite,
): Promise<RegistrationView> {
  const { deps, input, actor, now, decision } = booking
  const { candidate, exam, beta, retake } = decision.facts
  const { appointment } = decision.facts.slot
  const { codes, price, paymentStatus, deadlinesPassed } = decision
  const waiverId = decision.retake.waiverId

  const registration = await insertWithNewId(trx, deps, {
    candidateId: candidate.id,
    exam: exam.number,
    slotId: appointment.slot.id,
    providerId: appointment.provider.id,
    status: 'booked',
    channel: actor.channel,
    bookedBy: actor.principalId,
    bookedByRole: actor.role,
    bookedByName: actor.displayName,
    bookedByLabel: actor.tokenLabel,
    bookedByProviderId: actor.providerId,
    bookedReason: actor.reason,
    waiverId,
    attemptId: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    price,
    paymentStatus,
    holdExpiresAt: decision.holdExpiresAt,
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
  if (waiverId !== null && !(await holdWaiver(trx, waiverId, registration.id))) {
    // Another booking or attempt took the exception first: judged without it, this one is refused.
    const withoutIt = {
      ...retake.facts,
      waivers: retake.facts.waivers.filter((waiver) => waiver.id !== waiverId),
    }
    throw refuseRetake(decideRetake(retake.policies, withoutIt, exam, appointment.slot.startsAt))
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
      waiverId,
      policy: decision.retake.policy,
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
  command.afterAnswer(async () => {
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
  })
  return view
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
  const draw = deps.drawRegistrationId ?? drawReadableId
  for (let tries = 0; tries < MAX_ID_DRAWS; tries++) {
    const registration: Registration = { id: draw(), ...fields }
    if (await insertRegistration(trx, registration)) return registration
  }
  throw new Error(`${MAX_ID_DRAWS} registration ids drawn in a row were taken already`)
}
