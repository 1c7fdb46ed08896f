import { type AccessObject, mayAccess } from '../../domain/object-access.js'
import type { Principal } from '../../domain/principal.js'
import { AppError } from '../errors.js'

/**
 * Refuses an object the caller may not reach exactly as if it did not
 * exist (`missing` is the not-found refusal of the object, with the id as
 * the caller gave it), so that ids cannot be probed. Called where the
 * object is loaded: inside a command's transaction before it acts, and
 * after a read loads it.
 */
export function requireAccess(principal: Principal, object: AccessObject, missing: () => AppError) {
  if (!mayAccess(principal, object)) throw missing()
}

/** The candidate named by a request, refused as missing to a caller who may not reach them. */
export function requireCandidateAccess(
  principal: Principal,
  candidateId: string,
  field = 'candidateId',
): void {
  requireAccess(
    principal,
    { kind: 'candidate', candidateId },
    () => new AppError('CANDIDATE_NOT_FOUND', { field, candidateId }),
  )
}

/** A registration, refused as missing (with the id as given) to a caller who may not reach it. */
export function requireRegistrationAccess(
  principal: Principal,
  registration: { readonly candidateId: string; readonly providerId: string },
  registrationId: string,
): void {
  requireAccess(
    principal,
    { kind: 'registration', ...pick(registration) },
    () => new AppError('REGISTRATION_NOT_FOUND', { field: 'id', registrationId }),
  )
}

function pick(registration: { readonly candidateId: string; readonly providerId: string }) {
  return { candidateId: registration.candidateId, providerId: registration.providerId }
}
