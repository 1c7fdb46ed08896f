import type { Kysely } from 'kysely'
import { findSlotToBook } from '../../db/catalogue/slots.js'
import type { DB } from '../../db/engine/schema.js'
import type { Appointment } from '../../domain/appointment.js'
import { refuseSlot, type SlotRefusal } from '../../domain/decide-booking.js'
import type { Exam } from '../../domain/exam.js'
import type { Instant } from '../../domain/instant.js'
import { AppError } from '../errors.js'

/** The slot, its centre and provider, if the slot exists, is ahead, and its provider delivers the exam. */
export async function requireBookableSlot(
  db: Kysely<DB>,
  slotId: string,
  exam: Exam,
  now: Instant,
): Promise<Appointment> {
  // The slot, its centre, its provider and whether it delivers the exam: one query.
  const found = await findSlotToBook(db, slotId, exam.number)
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
