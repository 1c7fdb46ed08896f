import type { Kysely } from 'kysely'
import { findExamPricing } from '../../db/catalogue/exam-prices.js'
import type { DB } from '../../db/engine/schema.js'
import { findOfferVersion } from '../../db/vouchers/offers.js'
import { findVoucher, listUsesOfRegistration } from '../../db/vouchers/vouchers.js'
import type { Appointment } from '../../domain/appointment.js'
import type { Candidate } from '../../domain/candidate.js'
import type { CodeCaller } from '../../domain/code-throttle-scopes.js'
import type { Exam } from '../../domain/exam.js'
import type { Instant } from '../../domain/instant.js'
import type { Principal } from '../../domain/principal.js'
import type { Registration } from '../../domain/registration.js'
import { getCandidate } from '../candidates/get-candidate.js'
import type { Catalogue } from '../catalogue/catalogue-cache.js'
import { getCatalogueExam } from '../catalogue/get-exam.js'
import { loadAppointment } from '../catalogue/load-appointment.js'
import { AppError } from '../errors.js'
import { findRegistrationFor, requireLiveBooking } from '../registrations/require-live-booking.js'
import { loadRetakeFacts } from '../retakes/load-retake-facts.js'
import { type CodeJudgement, type CodeOnRegistration, decideCodes } from './decide-codes.js'

/** A registration that exists, with what codes joining it would do. */
export interface RegistrationCodes {
  readonly registration: Registration
  readonly candidate: Candidate
  readonly exam: Exam
  readonly appointment: Appointment
  readonly judgement: CodeJudgement
}

/**
 * The registration a code is to be applied to, refused unless it waits for
 * payment: a code is redeemed with the payment (SPEC §5), so a paid,
 * free-of-charge, ended or expired registration takes none.
 */
async function requireCodeReceiver(
  trx: Kysely<DB>,
  registrationId: string,
  viewer: Principal,
  now: Instant,
): Promise<Registration> {
  const registration = await findRegistrationFor(trx, registrationId, viewer)
  requireLiveBooking(registration, now)
  if (registration.paymentStatus === 'paid')
    throw new AppError('REGISTRATION_ALREADY_PAID', {
      field: 'id',
      registrationId: registration.id,
    })
  if (registration.paymentStatus !== 'due')
    throw new AppError('PAYMENT_NOT_DUE', { field: 'id', registrationId: registration.id })
  return registration
}

/**
 * Judges codes joining a registration that waits for payment, by the rules
 * a booking judges them (`decideCodes`): each must combine with the codes it
 * has, and applies to the price after them. The one path behind applying a
 * code and its preview.
 */
export async function decideRegistrationCodes(
  trx: Kysely<DB>,
  catalogue: Catalogue,
  question: {
    readonly registrationId: string
    /** As typed. */
    readonly codes: readonly string[]
    readonly caller: CodeCaller
    /** Who asks: a registration they may not reach is refused as missing. */
    readonly viewer: Principal
    readonly now: Instant
  },
): Promise<RegistrationCodes> {
  const { now } = question
  const registration = await requireCodeReceiver(trx, question.registrationId, question.viewer, now)
  const candidate = await getCandidate({ db: trx }, registration.candidateId)
  const exam = await getCatalogueExam(catalogue, registration.exam)
  const appointment = await loadAppointment(trx, registration.slotId)
  if (!appointment) throw new Error(`Registration ${registration.id} points at a missing slot`)
  const judgement = await decideCodes(trx, {
    candidate,
    exam,
    pricing: await findExamPricing(trx, exam.number),
    appointment,
    codes: question.codes,
    paymentMethod: null,
    currency: registration.price?.currency ?? null,
    retake: await loadRetakeFacts(trx, catalogue, candidate, exam),
    caller: question.caller,
    now,
    onRegistration: {
      id: registration.id,
      codes: await listCodesOn(trx, registration.id),
      price: registration.price,
    },
  })
  return { registration, candidate, exam, appointment, judgement }
}

/** The codes a registration uses (not those whose free retake it gave up). */
async function listCodesOn(trx: Kysely<DB>, registrationId: string): Promise<CodeOnRegistration[]> {
  const codes: CodeOnRegistration[] = []
  for (const use of await listUsesOfRegistration(trx, registrationId)) {
    if (use.kind === 'forfeited') continue
    const voucher = await findVoucher(trx, use.code)
    const offer = voucher && (await findOfferVersion(trx, voucher.offerId, voucher.offerVersion))
    if (!offer) continue
    codes.push({ code: use.code, offerName: offer.name, combinable: offer.combinable })
  }
  return codes
}
