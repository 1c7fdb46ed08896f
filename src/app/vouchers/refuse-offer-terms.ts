import type { OfferTermsProblem } from '../../domain/offer-terms.js'
import { AppError } from '../errors.js'
import { invalidName } from '../input-fields.js'

/**
 * A problem the domain found in an offer's terms, as the error its caller
 * answers with; case by case, so the compiler holds each code's facts to the
 * error catalogue's.
 */
export function refuseOfferTerms(problem: OfferTermsProblem): AppError {
  switch (problem.code) {
    case 'VALIDATION_FAILED':
      // A name is refused as every name typed in is, listing the problem for a form to mark.
      return problem.facts.field === 'name'
        ? invalidName(problem.facts.problem, problem.facts.field)
        : new AppError(problem.code, problem.facts)
    case 'INSTANT_INVALID':
      return new AppError(problem.code, problem.facts)
    case 'EXAM_NUMBER_MALFORMED':
      return new AppError(problem.code, problem.facts)
    case 'OFFER_TERMS_INVALID':
      return new AppError(problem.code, problem.facts)
    case 'OFFER_VERSION_EXISTS':
      return new AppError(problem.code, problem.facts)
  }
}
