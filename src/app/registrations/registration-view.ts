import type { Kysely } from 'kysely'
import { findExam, findExams } from '../../db/catalogue/exams.js'
import { findSlotAppointments } from '../../db/catalogue/slots.js'
import type { DB } from '../../db/engine/schema.js'
import { findPaymentOf, findPaymentsOf } from '../../db/registrations/payments.js'
import { findRefundOf, findRefundsOf } from '../../db/registrations/refunds.js'
import { isOnBehalf } from '../../domain/acted-by.js'
import type { Appointment } from '../../domain/appointment.js'
import { computeChangeDeadlines } from '../../domain/change-window.js'
import type { Instant } from '../../domain/instant.js'
import type { PaymentMethod } from '../../domain/offer.js'
import type { Payment } from '../../domain/payment.js'
import type { PriceBreakdown } from '../../domain/price.js'
import type { Refund } from '../../domain/refund.js'
import type { Registration } from '../../domain/registration.js'
import { loadAppointment } from '../catalogue/load-appointment.js'

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
  /** Who booked, by what channel and when: kept apart from who paid. */
  readonly bookedBy: {
    /** The principal's id (a token's or an account's), under its first name. */
    readonly tokenId: string
    readonly role: string
    readonly onBehalf: boolean
    /** Who, by name (absent from answers stored before names were kept). */
    readonly displayName?: string | null
    readonly tokenLabel?: string | null
    readonly providerId?: string | null
    readonly reason?: string | null
    /** Absent from an answer stored before it was kept here: then `channel` and `createdAt`. */
    readonly channel?: Registration['channel']
    readonly at?: Instant
  }
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
  /** The payment and who recorded it; null until paid (absent from answers stored before). */
  readonly payment?: PaymentView | null
  /** What a cancellation did with the money paid; null otherwise (absent from answers stored before). */
  readonly refund?: RefundView | null
}

/** A registration's payment as shown: how much, how, when and by whom. */
export interface PaymentView {
  readonly method: PaymentMethod
  readonly currency: string
  readonly cents: number
  readonly paidAt: Instant
  readonly paidBy: {
    readonly tokenId: string
    readonly role: string | null
    readonly channel: Registration['channel'] | null
    /** Absent from answers stored before names were kept. */
    readonly displayName?: string | null
    readonly tokenLabel?: string | null
    readonly reason?: string | null
  }
}

/** What a cancellation did with the money: refunded, and any fee the provider kept. */
export interface RefundView {
  readonly currency: string
  readonly paidCents: number
  readonly refundCents: number
  readonly feeCents: number
  /** Where the refund goes back to: the payment's method. */
  readonly method: PaymentMethod
  readonly fullRefundUntil: Instant
  readonly recordedAt: Instant
}

/** The money records of a registration, read beside it. */
export interface RegistrationMoney {
  readonly payment: Payment | null
  readonly refund: Refund | null
}

/** A registration with no money recorded: unpaid, free of charge, or not yet stored. */
export const NO_MONEY: RegistrationMoney = { payment: null, refund: null }

/** The payment and refund of a registration. */
export async function loadRegistrationMoney(
  db: Kysely<DB>,
  registrationId: string,
): Promise<RegistrationMoney> {
  const [payment, refund] = await Promise.all([
    findPaymentOf(db, registrationId),
    findRefundOf(db, registrationId),
  ])
  return { payment, refund }
}

export function toRegistrationView(
  registration: Registration,
  examTitle: string,
  appointment: Appointment,
  money: RegistrationMoney,
): RegistrationView {
  const { payment, refund } = money
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
      channel: registration.channel,
      at: registration.createdAt,
      displayName: registration.bookedByName ?? null,
      tokenLabel: registration.bookedByLabel ?? null,
      providerId: registration.bookedByProviderId ?? null,
      reason: registration.bookedReason ?? null,
    },
    changeDeadlines: computeChangeDeadlines(provider, slot.startsAt),
    waiverId: registration.waiverId,
    attemptId: registration.attemptId,
    createdAt: registration.createdAt,
    updatedAt: registration.updatedAt,
    price: registration.price,
    paymentStatus: registration.paymentStatus,
    holdExpiresAt: registration.paymentStatus === 'due' ? registration.holdExpiresAt : null,
    holdEnded: registration.holdEnded,
    payment:
      payment === null
        ? null
        : {
            method: payment.method,
            currency: payment.currency,
            cents: payment.cents,
            paidAt: payment.recordedAt,
            paidBy: {
              tokenId: payment.recordedBy,
              role: payment.recordedByRole,
              channel: payment.channel,
              displayName: payment.recordedByName ?? null,
              tokenLabel: payment.recordedByLabel ?? null,
              reason: payment.recordedReason ?? null,
            },
          },
    refund:
      refund === null
        ? null
        : {
            currency: refund.currency,
            paidCents: refund.paidCents,
            refundCents: refund.refundCents,
            feeCents: refund.feeCents,
            method: refund.method,
            fullRefundUntil: refund.fullRefundUntil,
            recordedAt: refund.recordedAt,
          },
  }
}

/** Reads everything a view needs for a stored registration. */
export async function loadRegistrationView(
  db: Kysely<DB>,
  registration: Registration,
): Promise<RegistrationView> {
  const [exam, appointment, money] = await Promise.all([
    findExam(db, registration.exam),
    loadAppointment(db, registration.slotId),
    loadRegistrationMoney(db, registration.id),
  ])
  if (!exam || !appointment)
    throw new Error(`Registration ${registration.id} points at a missing exam or slot`)
  return toRegistrationView(registration, exam.title, appointment, money)
}

/**
 * `loadRegistrationView` for a list: the exams, appointments, payments and
 * refunds of all of them read in one statement each, so that a page of
 * registrations costs the same few statements however long it is.
 */
export async function loadRegistrationViews(
  db: Kysely<DB>,
  registrations: readonly Registration[],
): Promise<RegistrationView[]> {
  const ids = registrations.map((registration) => registration.id)
  const [exams, appointments, payments, refunds] = await Promise.all([
    findExams(db, [...new Set(registrations.map((registration) => registration.exam))]),
    findSlotAppointments(db, [
      ...new Set(registrations.map((registration) => registration.slotId)),
    ]),
    findPaymentsOf(db, ids),
    findRefundsOf(db, ids),
  ])
  return registrations.map((registration) => {
    const exam = exams.get(registration.exam)
    const appointment = appointments.get(registration.slotId)
    if (!exam || !appointment)
      throw new Error(`Registration ${registration.id} points at a missing exam or slot`)
    return toRegistrationView(registration, exam.title, appointment, {
      payment: payments.get(registration.id) ?? null,
      refund: refunds.get(registration.id) ?? null,
    })
  })
}
