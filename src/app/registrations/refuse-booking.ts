import type { BookingRefusal, StatedRefusal } from '../../domain/decide-booking.js'
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

/** A refusal the domain states by its code and facts. */
export function refuseStated(refusal: StatedRefusal): AppError {
  return new AppError(refusal.code, refusal.facts)
}
