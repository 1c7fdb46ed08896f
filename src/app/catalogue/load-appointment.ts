import type { Kysely } from 'kysely'
import { findSlotAppointment } from '../../db/catalogue/slots.js'
import type { DB } from '../../db/engine/schema.js'
import type { Appointment } from '../../domain/appointment.js'

/** The slot with this id, its centre and its provider, or null. */
export function loadAppointment(db: Kysely<DB>, slotId: string): Promise<Appointment | null> {
  return findSlotAppointment(db, slotId)
}
