import type { Kysely } from 'kysely'
import { findExam } from '../db/exams.js'
import type { Registration } from '../db/registrations.js'
import type { DB } from '../db/schema.js'
import { findSlotAppointment } from '../db/slots.js'
import { decideChange } from '../domain/change-window.js'
import type { Instant } from '../domain/instant.js'
import type { PriceBreakdown } from '../domain/price.js'
import type { Provider } from '../domain/provider.js'
import type { Slot, TestCentre } from '../domain/test-centre.js'
import { isOnBehalf } from './actor.js'

/**
 * A registration with what a candidate needs to act on it: the exam, where
 * and when (with the centre's zone), and until when it can still be changed.
 * Plain JSON, since it is also the stored answer to an idempotent request.
 */
export interface RegistrationView {
  readonly id: string
  readonly candidateId: string
  readonly status: Registration['status']
  readonly channel: Registration['channel']
  readonly version: number
  readonly exam: { readonly number: string; readonly title: string }
  readonly provider: { readonly id: string; readonly name: string }
  readonly centre: {
    readonly id: string
    readonly name: string
    readonly address: string
    readonly city: string
    readonly country: string
    readonly timeZone: string
  }
  readonly slotId: string
  readonly startsAt: Instant
  readonly bookedBy: { readonly tokenId: string; readonly role: string; readonly onBehalf: boolean }
  readonly changeDeadlines: { readonly reschedule: Instant; readonly cancel: Instant }
  readonly waiverId: string | null
  readonly attemptId: string | null
  readonly createdAt: Instant
  readonly updatedAt: Instant
  readonly price: PriceBreakdown | null
  readonly paymentStatus: Registration['paymentStatus']
  /** While payment is due: the instant the seat is released unless paid. Null otherwise. */
  readonly holdExpiresAt: Instant | null
  /** How an unpaid hold ended (`expired`, or `released` by an admin); null otherwise. */
  readonly holdEnded: Registration['holdEnded']
}

/** The places a registration points at, read together. */
export interface Appointment {
  readonly slot: Slot
  readonly centre: TestCentre
  readonly provider: Provider
}

export function loadAppointment(db: Kysely<DB>, slotId: string): Promise<Appointment | null> {
  return findSlotAppointment(db, slotId)
}

export function toRegistrationView(
  registration: Registration,
  examTitle: string,
  appointment: Appointment,
): RegistrationView {
  const { slot, centre, provider } = appointment
  return {
    id: registration.id,
    candidateId: registration.candidateId,
    status: registration.status,
    channel: registration.channel,
    version: registration.version,
    exam: { number: registration.exam, title: examTitle },
    provider: { id: provider.id, name: provider.name },
    centre: {
      id: centre.id,
      name: centre.name,
      address: centre.address,
      city: centre.city,
      country: centre.country,
      timeZone: centre.timeZone,
    },
    slotId: slot.id,
    startsAt: slot.startsAt,
    bookedBy: {
      tokenId: registration.bookedBy,
      role: registration.bookedByRole,
      onBehalf: isOnBehalf(registration.bookedByRole),
    },
    changeDeadlines: {
      reschedule: decideChange(provider, 'reschedule', slot.startsAt, slot.startsAt).deadline,
      cancel: decideChange(provider, 'cancel', slot.startsAt, slot.startsAt).deadline,
    },
    waiverId: registration.waiverId,
    attemptId: registration.attemptId,
    createdAt: registration.createdAt,
    updatedAt: registration.updatedAt,
    price: registration.price,
    paymentStatus: registration.paymentStatus,
    holdExpiresAt: registration.paymentStatus === 'due' ? registration.holdExpiresAt : null,
    holdEnded: registration.holdEnded,
  }
}

/** Reads everything a view needs for a stored registration. */
export async function loadRegistrationView(
  db: Kysely<DB>,
  registration: Registration,
): Promise<RegistrationView> {
  const [exam, appointment] = await Promise.all([
    findExam(db, registration.exam),
    loadAppointment(db, registration.slotId),
  ])
  if (!exam || !appointment)
    throw new Error(`Registration ${registration.id} points at a missing exam or slot`)
  return toRegistrationView(registration, exam.title, appointment)
}
