import type { BookingRefusal, StatedRefusal } from '../../domain/decide-booking.js'
import { refuseUnbookableSlot } from '../catalogue/require-bookable-slot.js'
import { AppError } from '../errors.js'
import { refuseRetake } from '../retakes/refuse-retake.js'

/** A booking refused by the domain, as the error its caller answers with. */
export function refuseBooking(refusal: BookingRefusal<AppError>): AppError {
  switch (refusal.by) {
    case 'rule':
      return refuseStated(refusal.refusal)
    case 'retake':
      return refuseRetake(refusal.decision)
    case 'codes':
      return refusal.refusal
  }
}

/**
 * A refusal the domain states by its code and facts; case by case, so the
 * compiler holds each code's facts to the error catalogue's.
 */
export function refuseStated(refusal: StatedRefusal): AppError {
  switch (refusal.code) {
    case 'SLOT_NOT_FOUND':
    case 'SLOT_IN_PAST':
    case 'EXAM_NOT_DELIVERED':
      return refuseUnbookableSlot(refusal)
    case 'ALREADY_REGISTERED':
      return new AppError(refusal.code, refusal.facts)
    case 'CODE_WOULD_FORFEIT':
      return new AppError(refusal.code, refusal.facts)
    case 'CHANGE_DEADLINES_PASSED':
      return new AppError(refusal.code, refusal.facts)
    default:
      // The beta programme's own refusals share their facts.
      return new AppError(refusal.code, refusal.facts)
  }
}
