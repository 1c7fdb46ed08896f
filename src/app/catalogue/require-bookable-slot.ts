import type { Kysely } from 'kysely'
import { findSlotToBook } from '../../db/catalogue/slots.js'
import type { DB } from '../../db/engine/schema.js'
import type { Appointment } from '../../domain/appointment.js'
import { refuseSlot, type SlotRefusal } from '../../domain/decide-booking.js'
import type { Exam } from '../../domain/exam.js'
import type { Instant } from '../../domain/instant.js'
import { mayAccess } from '../../domain/object-access.js'
import type { Principal } from '../../domain/principal.js'
import { AppError } from '../errors.js'

/**
 * The slot, its centre and provider, if the slot exists, is ahead, and its
 * provider delivers the exam. A slot the caller may not reach (another
 * provider's, for a provider) is refused as one that does not exist.
 */
export async function requireBookableSlot(
  db: Kysely<DB>,
  slotId: string,
  exam: Exam,
  now: Instant,
  caller: Principal,
): Promise<Appointment> {
  // The slot, its centre, its provider and whether it delivers the exam: one query.
  const found = visibleSlot(await findSlotToBook(db, slotId, exam.number), caller)
  const refusal = refuseSlot(found, slotId, exam.number, now)
  if (refusal) throw refuseUnbookableSlot(refusal)
  // refuseSlot refuses a slot that does not exist.
  return found!.appointment
}

/**
 * A slot the domain refuses to book, as the error its caller answers with;
 * case by case, so the compiler holds each code's facts to the error catalogue's.
 */
export function refuseUnbookableSlot(refusal: SlotRefusal): AppError {
  switch (refusal.code) {
    case 'SLOT_NOT_FOUND':
      return new AppError(refusal.code, refusal.facts)
    case 'SLOT_IN_PAST':
      return new AppError(refusal.code, refusal.facts)
    case 'EXAM_NOT_DELIVERED':
      return new AppError(refusal.code, refusal.facts)
  }
}

/** A slot found for booking as the caller may see it: none, when it is another provider's. */
export function visibleSlot<T extends { readonly appointment: Appointment }>(
  found: T | null,
  caller: Principal,
): T | null {
  if (found === null) return null
  const providerId = found.appointment.provider.id
  return mayAccess(caller, { kind: 'slot', providerId }) ? found : null
}
