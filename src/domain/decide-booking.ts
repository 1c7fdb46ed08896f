import type { BetaAccess, BetaProgramme } from './beta-programme.js'
import {
  type AppointmentChange,
  computeChangeDeadlines,
  listPassedDeadlines,
} from './change-window.js'
import { decideRetake, type RetakeFacts } from './decide-retake.js'
import type { Exam } from './exam.js'
import type { ExamNumber } from './exam-number.js'
import { formatInstant, formatInZone, type Instant } from './instant.js'
import type { PolicyVersion } from './policy-version.js'
import { type PaymentStatusAtBooking, type PriceBreakdown, paymentStatusOf } from './price.js'
import type { Provider } from './provider.js'
import type { RetakeDecision } from './retake-decision.js'
import type { Slot, TestCentre } from './test-centre.js'
import { computeHoldExpiresAt, DEFAULT_HOLD_MINUTES } from './unpaid-hold.js'

/** Where and when a seat is: the slot, its centre's clock and its provider's rules. */
export interface BookingPlace {
  readonly slot: Pick<Slot, 'startsAt'>
  readonly centre: Pick<TestCentre, 'timeZone'>
  readonly provider: Provider
}

/** A slot as a booking checks it. */
export interface SlotFacts {
  readonly appointment: BookingPlace
  /** Whether the slot's provider delivers the exam. */
  readonly delivers: boolean
}

/** What the codes on a booking come to, or the refusal of the first code refused. */
export type CodesOnBooking<CodeRefusal> =
  | {
      /** Null when the exam has no price. */
      readonly price: PriceBreakdown | null
      /** Everything the booking would cost the candidate besides money (a free retake held by a code). */
      readonly loses: readonly string[]
    }
  | { readonly refused: CodeRefusal }

/** What a booking of a slot that does not exist is decided on: nothing more is read. */
export interface NoSlotFacts {
  readonly exam: Exam
  readonly slotId: string
  readonly slot: null
}

/** Everything a booking of an existing slot is decided on. */
export interface SlotBookingFacts<CodeRefusal> {
  readonly exam: Exam
  readonly slotId: string
  readonly slot: SlotFacts
  /** The candidate's live registration for the exam, if any. */
  readonly liveRegistrationId: string | null
  /** The exam's retake policy and the candidate's history (empty without any). */
  readonly retake: { readonly policies: readonly PolicyVersion[]; readonly facts: RetakeFacts }
  /** The exam's beta programme and the candidate's access to it; null without a programme. */
  readonly beta: {
    readonly programme: Pick<BetaProgramme, 'holdMinutes'>
    readonly access: BetaAccess
  } | null
  readonly codes: CodesOnBooking<CodeRefusal>
  /** How long this service holds an unpaid seat, when it says; a programme's own hold comes first. */
  readonly holdMinutes: number | undefined
}

export type BookingFacts<CodeRefusal> = NoSlotFacts | SlotBookingFacts<CodeRefusal>

/** What the candidate asks for besides the seat. */
export interface BookingRequest {
  readonly acknowledgeForfeit: boolean
  readonly acknowledgeDeadlines: boolean
  /** A payment comes with the booking. */
  readonly payingNow: boolean
}

/** A refusal stated by its error code and the facts its sentence is written from. */
export type StatedRefusal =
  | { readonly code: 'SLOT_NOT_FOUND'; readonly facts: Fielded<{ slotId: string }> }
  | { readonly code: 'SLOT_IN_PAST'; readonly facts: Fielded<{ startsAtLocal: string }> }
  | {
      readonly code: 'EXAM_NOT_DELIVERED'
      readonly facts: Fielded<{ provider: string; exam: string }>
    }
  | {
      readonly code: 'ALREADY_REGISTERED'
      readonly facts: Fielded<{ exam: string; registrationId: string }>
    }
  | {
      readonly code: Extract<BetaAccess, { allowed: false }>['code']
      readonly facts: Fielded<{ exam: string; reason: string }>
    }
  | { readonly code: 'CODE_WOULD_FORFEIT'; readonly facts: Fielded<{ loses: readonly string[] }> }
  | {
      readonly code: 'CHANGE_DEADLINES_PASSED'
      readonly facts: Fielded<{
        provider: string
        startsAtLocal: string
        passed: readonly AppointmentChange[]
        deadlines: {
          reschedule: string
          rescheduleLocal: string
          cancel: string
          cancelLocal: string
        }
      }>
    }

/** Why a slot cannot be booked: the refusals `refuseSlot` states. */
export type SlotRefusal = Extract<
  StatedRefusal,
  { readonly code: 'SLOT_NOT_FOUND' | 'SLOT_IN_PAST' | 'EXAM_NOT_DELIVERED' }
>

/** Facts with the input field at fault. */
type Fielded<Facts> = { readonly field: string } & Readonly<Facts>

export type BookingRefusal<CodeRefusal> =
  | { readonly by: 'rule'; readonly refusal: StatedRefusal }
  | { readonly by: 'retake'; readonly decision: RetakeDecision }
  | { readonly by: 'codes'; readonly refusal: CodeRefusal }

/** The booking goes ahead: on what terms, and the facts it was decided on. */
export interface GoAhead<Facts> {
  readonly goAhead: true
  readonly facts: Facts
  /** The codes, all accepted. */
  readonly codes: Exclude<
    Facts extends SlotBookingFacts<unknown> ? Facts['codes'] : never,
    { readonly refused: unknown }
  >
  /** The retake policy's answer: its policy and the exception the attempt uses, if any. */
  readonly retake: RetakeDecision
  readonly price: PriceBreakdown | null
  readonly paymentStatus: PaymentStatusAtBooking
  /** Until when an unpaid seat is held; null when nothing is due. */
  readonly holdExpiresAt: Instant | null
  /** The changes the candidate acknowledged giving up (none when the deadlines are ahead). */
  readonly deadlinesPassed: readonly AppointmentChange[]
}

export type BookingDecision<Facts extends BookingFacts<unknown>, CodeRefusal> =
  | GoAhead<Extract<Facts, { slot: SlotFacts }>>
  | { readonly goAhead: false; readonly refusal: BookingRefusal<CodeRefusal> }

/**
 * May this booking go ahead at `now`, and on what terms? The refusals come
 * in the order a candidate should meet them: the seat itself, a booking
 * already made, the beta programme, the retake policy, the codes, then what
 * the candidate must acknowledge (a free retake given up, deadlines passed).
 */
export function decideBooking<CodeRefusal, Facts extends BookingFacts<CodeRefusal>>(
  facts: Facts,
  request: BookingRequest,
  now: Instant,
): BookingDecision<Facts, CodeRefusal> {
  const unbookable = refuseSlot(facts.slot, facts.slotId, facts.exam.number, now)
  if (unbookable) return refusedBy(unbookable)
  // A slot that exists has its facts read (refuseSlot refused the one that does not).
  const booking = facts as Extract<Facts, { slot: SlotFacts }>
  const { exam, slot, liveRegistrationId, beta, codes } = booking
  if (liveRegistrationId !== null) {
    return refusedBy({
      code: 'ALREADY_REGISTERED',
      facts: { field: 'exam', exam: exam.number, registrationId: liveRegistrationId },
    })
  }
  const place = slot.appointment
  const retake = decideRetake(
    booking.retake.policies,
    booking.retake.facts,
    exam,
    place.slot.startsAt,
  )
  if (beta && !beta.access.allowed) {
    return refusedBy({
      code: beta.access.code,
      facts: { field: 'exam', exam: exam.number, reason: beta.access.reason },
    })
  }
  if (!retake.eligible) return { goAhead: false, refusal: { by: 'retake', decision: retake } }
  if ('refused' in codes)
    return { goAhead: false, refusal: { by: 'codes', refusal: codes.refused } }
  if (codes.loses.length > 0 && !request.acknowledgeForfeit) {
    return refusedBy({
      code: 'CODE_WOULD_FORFEIT',
      facts: { field: 'acknowledgeForfeit', loses: codes.loses },
    })
  }
  const deadlines = decideDeadlines(place, now, request.acknowledgeDeadlines)
  if ('refusal' in deadlines) return refusedBy(deadlines.refusal)
  const price = codes.price
  const paymentStatus = paymentStatusOf(price, request.payingNow)
  return {
    goAhead: true,
    facts: booking,
    codes: codes as GoAhead<typeof booking>['codes'],
    retake,
    price,
    paymentStatus,
    holdExpiresAt:
      paymentStatus === 'due'
        ? computeHoldExpiresAt(
            now,
            beta?.programme.holdMinutes ?? booking.holdMinutes ?? DEFAULT_HOLD_MINUTES,
            place.slot.startsAt,
          )
        : null,
    deadlinesPassed: deadlines.passed,
  }
}

function refusedBy(refusal: StatedRefusal): { goAhead: false; refusal: BookingRefusal<never> } {
  return { goAhead: false, refusal: { by: 'rule', refusal } }
}

/** Why a slot cannot be booked for `exam` at `now` (none, ahead, or not delivering it); null when it can. */
export function refuseSlot(
  slot: SlotFacts | null,
  slotId: string,
  exam: ExamNumber,
  now: Instant,
): SlotRefusal | null {
  if (!slot) return { code: 'SLOT_NOT_FOUND', facts: { field: 'slotId', slotId } }
  const { appointment } = slot
  if (appointment.slot.startsAt <= now) {
    return {
      code: 'SLOT_IN_PAST',
      facts: {
        field: 'slotId',
        startsAtLocal: formatInZone(appointment.slot.startsAt, appointment.centre.timeZone),
      },
    }
  }
  if (!slot.delivers) {
    return {
      code: 'EXAM_NOT_DELIVERED',
      facts: { field: 'slotId', provider: appointment.provider.name, exam },
    }
  }
  return null
}

/**
 * A seat whose reschedule or cancel deadline has already passed is booked
 * only when the candidate acknowledges it: they learn before booking that
 * the booking could not be moved or cancelled, not from the confirmation.
 * The refusal names the deadlines on the centre's clock; otherwise the
 * changes given up (none when the deadlines are ahead).
 */
export function decideDeadlines(
  place: BookingPlace,
  now: Instant,
  acknowledged: boolean,
): { readonly passed: readonly AppointmentChange[] } | { readonly refusal: StatedRefusal } {
  const { slot, centre, provider } = place
  const deadlines = computeChangeDeadlines(provider, slot.startsAt)
  const passed = listPassedDeadlines(deadlines, now)
  if (passed.length === 0 || acknowledged) return { passed }
  return {
    refusal: {
      code: 'CHANGE_DEADLINES_PASSED',
      facts: {
        field: 'acknowledgeDeadlines',
        provider: provider.name,
        startsAtLocal: formatInZone(slot.startsAt, centre.timeZone),
        passed,
        deadlines: {
          reschedule: formatInstant(deadlines.reschedule),
          rescheduleLocal: formatInZone(deadlines.reschedule, centre.timeZone),
          cancel: formatInstant(deadlines.cancel),
          cancelLocal: formatInZone(deadlines.cancel, centre.timeZone),
        },
      },
    },
  }
}
