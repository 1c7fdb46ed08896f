import type { Kysely } from 'kysely'
import type { SlotToBook } from '../../db/catalogue/slots.js'
import type { DB } from '../../db/engine/schema.js'
import type { KeyClaim } from '../../db/idempotency-keys.js'
import { findBookingFacts } from '../../db/registrations/booking-facts.js'
import type { BetaAccess, BetaProgramme } from '../../domain/beta-programme.js'
import type { Candidate } from '../../domain/candidate.js'
import type { CodeCaller } from '../../domain/code-throttle-scopes.js'
import type { NoSlotFacts, SlotBookingFacts } from '../../domain/decide-booking.js'
import type { Exam } from '../../domain/exam.js'
import type { Instant } from '../../domain/instant.js'
import type { Principal } from '../../domain/principal.js'
import { readBetaAccess } from '../beta/beta-access.js'
import type { Catalogue } from '../catalogue/catalogue-cache.js'
import { visibleSlot } from '../catalogue/require-bookable-slot.js'
import { AppError } from '../errors.js'
import { loadRetakeFacts, type RetakeQuestion } from '../retakes/load-retake-facts.js'
import { type CodeJudgement, decideCodes } from '../vouchers/decide-codes.js'
import type { RegisterInput } from './register-input.js'

/** What a booking asks of the data before it is decided. */
export interface BookingQuestion {
  readonly input: RegisterInput
  readonly exam: Exam
  /** The catalogue (policy, certifications) is read as remembered. */
  readonly catalogue: Catalogue
  readonly caller: CodeCaller
  /** Who books: a slot they may not reach (another provider's) is no slot. */
  readonly viewer: Principal
  readonly now: Instant
  /** The draft wave whose self-check this is: its invitees are treated as invited by an open wave. */
  readonly rehearsedWaveId: string | null
  /** How long this service holds an unpaid seat, when it says. */
  readonly holdMinutes: number | undefined
  /** The request's idempotency key, claimed before anything is read (see `findBookingFacts`). */
  readonly keyClaim: KeyClaim | null
}

/** The facts of a booking of an existing slot, as read: the records its writes need besides. */
export interface SlotBookingRead extends SlotBookingFacts<AppError> {
  readonly candidate: Candidate
  readonly slot: SlotToBook
  readonly retake: RetakeQuestion
  readonly beta: { readonly programme: BetaProgramme; readonly access: BetaAccess } | null
  readonly codes: CodeJudgement | { readonly refused: AppError }
}

export type BookingRead = (NoSlotFacts & { readonly candidate: Candidate }) | SlotBookingRead

/**
 * Reads everything a booking is decided on; null when there is no such
 * candidate. One query answers the candidate, the slot, a live
 * registration, whether there is any history or any code; the history and
 * the held codes are read only when there are some. A refused code is a
 * fact like the others: the decision weighs it after the seat, the
 * programme and the retake policy.
 */
export async function readBookingFacts(
  db: Kysely<DB>,
  question: BookingQuestion,
): Promise<BookingRead | null> {
  const { input, exam } = question
  const found = await findBookingFacts(
    db,
    input.candidateId,
    input.slotId,
    exam.number,
    question.keyClaim,
  )
  if (!found) return null
  const { candidate } = found
  const slot = visibleSlot(found.slot, question.viewer)
  // Nothing else can be weighed for a seat that does not exist.
  if (slot === null) return { exam, slotId: input.slotId, slot, candidate }
  const retake = await loadRetakeFacts(
    db,
    question.catalogue,
    candidate,
    exam,
    // No attempt and no open exception anywhere (the one query says so): nothing to read.
    found.hasHistory ? undefined : { attempts: [], waivers: [] },
  )
  const beta = await readBetaAccess(db, candidate, exam, question.rehearsedWaveId)
  const codes = await decideCodes(db, {
    candidate,
    exam,
    pricing: found.pricing,
    appointment: slot.appointment,
    codes: input.voucherCodes ?? [],
    paymentMethod: input.payment?.method ?? null,
    currency: input.currency ?? null,
    retake,
    caller: question.caller,
    now: question.now,
    holdsCodes: found.holdsCodes,
  }).catch((error: unknown) => {
    if (error instanceof AppError) return { refused: error }
    throw error
  })
  return {
    exam,
    slotId: input.slotId,
    slot,
    candidate,
    liveRegistrationId: found.liveRegistrationId,
    retake,
    beta,
    codes,
    holdMinutes: question.holdMinutes,
  }
}
