import { type Kysely, sql } from 'kysely'
import {
  REMINDED_PAYMENT_STATUSES,
  REMINDER_KEY_PREFIX,
} from '../../domain/appointment-reminder.js'
import type { Instant } from '../../domain/instant.js'
import type { Provider } from '../../domain/provider.js'
import { readInstant, writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'

/** An appointment that may be reminded, with all its reminder says. */
export interface AppointmentToRemind {
  readonly registrationId: string
  readonly slotId: string
  readonly startsAt: Instant
  /** The registration's last change (its booking, payment or reschedule). */
  readonly changedAt: Instant
  readonly candidate: {
    readonly id: string
    readonly firstName: string
    readonly lastName: string
    readonly email: string
    readonly timeZone: string
  }
  readonly exam: { readonly number: string; readonly title: string }
  readonly centre: {
    readonly name: string
    readonly address: string
    readonly city: string
    readonly country: string
    readonly timeZone: string
  }
  readonly provider: Provider
}

export interface ReminderWindow {
  /** Appointments starting after this instant… */
  readonly from: Instant
  /** …and at or before this one. */
  readonly to: Instant
  /** Paging: only appointments after this (start, registration id), in that order. */
  readonly after: { readonly startsAt: Instant; readonly registrationId: string } | null
  readonly limit: number
}

/**
 * Confirmed registrations (booked, paid or with nothing to pay) whose
 * appointment starts in the window and whose slot has no reminder in the
 * outbox yet, earliest first. One range of the index on `slots(starts_at)`;
 * the outbox is asked by its unique dedupe key.
 */
export async function listAppointmentsToRemind(
  db: Kysely<DB>,
  window: ReminderWindow,
): Promise<AppointmentToRemind[]> {
  const after = window.after
  const rows = await db
    .selectFrom('slots')
    .innerJoin('registrations', 'registrations.slot_id', 'slots.id')
    .innerJoin('test_centres', 'test_centres.id', 'slots.centre_id')
    .innerJoin('providers', 'providers.id', 'test_centres.provider_id')
    .innerJoin('candidates', 'candidates.id', 'registrations.candidate_id')
    .innerJoin('exams', 'exams.number', 'registrations.exam_number')
    .select([
      'registrations.id as registration_id',
      'registrations.updated_at',
      'slots.id as slot_id',
      'slots.starts_at',
      'candidates.id as candidate_id',
      'candidates.first_name',
      'candidates.last_name',
      'candidates.email',
      'candidates.time_zone as candidate_time_zone',
      'exams.number as exam_number',
      'exams.title as exam_title',
      'test_centres.name as centre_name',
      'test_centres.address',
      'test_centres.city',
      'test_centres.country',
      'test_centres.time_zone as centre_time_zone',
      'providers.id as provider_id',
      'providers.name as provider_name',
      'providers.reschedule_cutoff_hours',
      'providers.cancel_cutoff_hours',
    ])
    .where('slots.starts_at', '>', writeInstant(window.from))
    .where('slots.starts_at', '<=', writeInstant(window.to))
    .where('registrations.status', '=', 'booked')
    .where('registrations.payment_status', 'in', [...REMINDED_PAYMENT_STATUSES])
    .where(({ exists, not, selectFrom }) =>
      not(
        exists(
          selectFrom('outbox')
            .select('outbox.id')
            // computeReminderDedupeKey's shape, written in SQL to ask the outbox's unique index.
            .where(
              'outbox.dedupe_key',
              '=',
              sql<string>`${sql.lit(REMINDER_KEY_PREFIX)} || registrations.id || ':' || registrations.slot_id`,
            ),
        ),
      ),
    )
    .$if(after !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('slots.starts_at', '>', writeInstant(after!.startsAt)),
          eb.and([
            eb('slots.starts_at', '=', writeInstant(after!.startsAt)),
            eb('registrations.id', '>', after!.registrationId),
          ]),
        ]),
      ),
    )
    .orderBy('slots.starts_at')
    .orderBy('registrations.id')
    .limit(window.limit)
    .execute()
  return rows.map((row) => ({
    registrationId: row.registration_id,
    slotId: row.slot_id,
    startsAt: readInstant(row.starts_at),
    changedAt: readInstant(row.updated_at),
    candidate: {
      id: row.candidate_id,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      timeZone: row.candidate_time_zone,
    },
    exam: { number: row.exam_number, title: row.exam_title },
    centre: {
      name: row.centre_name,
      address: row.address,
      city: row.city,
      country: row.country,
      timeZone: row.centre_time_zone,
    },
    provider: {
      id: row.provider_id,
      name: row.provider_name,
      rescheduleCutoffHours: row.reschedule_cutoff_hours,
      cancelCutoffHours: row.cancel_cutoff_hours,
    },
  }))
}
