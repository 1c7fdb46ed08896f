import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import { findRegistration } from '../../db/registrations/registrations.js'
import { formatInstant, type Instant } from '../../domain/instant.js'
import type { Principal } from '../../domain/principal.js'
import type { Registration } from '../../domain/registration.js'
import { parseRegistrationCode } from '../../domain/registration-code.js'
import { isExpiredHold } from '../../domain/unpaid-hold.js'
import { requireRegistrationAccess } from '../access/require-access.js'
import { AppError } from '../errors.js'

/**
 * The registration with this id, in any spelling read aloud, or
 * REGISTRATION_NOT_FOUND: also for one the caller may not reach, which
 * answers exactly as a missing one.
 */
export async function findRegistrationFor(
  db: Kysely<DB>,
  registrationId: string,
  caller: Principal,
): Promise<Registration> {
  const registration = await findRegistration(
    db,
    parseRegistrationCode(registrationId) ?? registrationId,
  )
  if (!registration) throw new AppError('REGISTRATION_NOT_FOUND', { field: 'id', registrationId })
  requireRegistrationAccess(caller, registration, registrationId)
  return registration
}

/**
 * Refuses a registration that can no longer be paid or take a code: its
 * hold ended, or its time ran out before the job came by (HOLD_EXPIRED), or
 * it is no longer booked (REGISTRATION_NOT_ACTIVE).
 */
export function requireLiveBooking(registration: Registration, now: Instant): void {
  if (registration.holdEnded !== null || isExpiredHold(registration, now)) {
    throw new AppError('HOLD_EXPIRED', {
      field: 'id',
      registrationId: registration.id,
      ended: registration.holdEnded ?? 'expired',
      holdExpiresAt:
        registration.holdExpiresAt === null ? null : formatInstant(registration.holdExpiresAt),
    })
  }
  if (registration.status !== 'booked') {
    throw new AppError('REGISTRATION_NOT_ACTIVE', {
      field: 'id',
      registrationId: registration.id,
      registrationStatus: registration.status,
    })
  }
}
