import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import type { PriceBreakdown, PriceLine } from '../../domain/price.js'
import {
  LIVE_STATUSES,
  type PaymentStatus,
  type Registration,
  type RegistrationStatus,
} from '../../domain/registration.js'
import type { HoldEnding } from '../../domain/unpaid-hold.js'
import {
  countRows,
  readInstant,
  readOptionalInstant,
  writeInstant,
  writeOptionalInstant,
} from '../engine/columns.js'
import type { Paging } from '../engine/paging.js'
import { reusableInsert } from '../engine/reusable-query.js'
import type { DB, RegistrationTable } from '../engine/schema.js'

const insertRegistrationRow = reusableInsert('registrations', { ignoreConflictOn: 'id' })

/**
 * Stores a new registration; false, storing nothing, when its id is taken
 * already (a random id drawn twice: draw another). Any other unique index
 * (one live registration per candidate and exam) still raises.
 */
export async function insertRegistration(
  db: Kysely<DB>,
  registration: Registration,
): Promise<boolean> {
  const inserted = await insertRegistrationRow(db, {
    id: registration.id,
    candidate_id: registration.candidateId,
    exam_number: registration.exam,
    slot_id: registration.slotId,
    provider_id: registration.providerId,
    status: registration.status,
    channel: registration.channel,
    booked_by: registration.bookedBy,
    booked_by_role: registration.bookedByRole,
    booked_by_name: registration.bookedByName ?? null,
    booked_by_label: registration.bookedByLabel ?? null,
    booked_by_provider_id: registration.bookedByProviderId ?? null,
    booked_reason: registration.bookedReason ?? null,
    waiver_id: registration.waiverId,
    attempt_id: registration.attemptId,
    version: registration.version,
    created_at: writeInstant(registration.createdAt),
    updated_at: writeInstant(registration.updatedAt),
    price_currency: registration.price?.currency ?? null,
    list_cents: registration.price?.listCents ?? null,
    due_cents: registration.price?.dueCents ?? null,
    price_lines: JSON.stringify(registration.price?.lines ?? []),
    payment_status: registration.paymentStatus,
    hold_expires_at: writeOptionalInstant(registration.holdExpiresAt),
    hold_ended: registration.holdEnded,
  })
  return inserted > 0
}

export async function findRegistration(db: Kysely<DB>, id: string): Promise<Registration | null> {
  const row = await db
    .selectFrom('registrations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? toRegistration(row) : null
}

/** Every live registration of an exam, by any candidate. */
export async function listLiveRegistrationsOfExam(
  db: Kysely<DB>,
  exam: ExamNumber,
): Promise<{ id: string; candidateId: string }[]> {
  return db
    .selectFrom('registrations')
    .select(['id', 'candidate_id as candidateId'])
    .where('exam_number', '=', exam)
    .where('status', 'in', LIVE_STATUSES)
    .execute()
}

/** Which of a candidate's registrations a list holds: all, or those at one provider. */
export interface RegistrationsOf {
  readonly candidateId: string
  readonly providerId?: string
}

/** One page of a candidate's registrations, newest first (ties by id, so the order is stable). */
export async function listRegistrationsOfCandidate(
  db: Kysely<DB>,
  of: RegistrationsOf,
  paging: Paging,
): Promise<Registration[]> {
  let query = db.selectFrom('registrations').selectAll().where('candidate_id', '=', of.candidateId)
  if (of.providerId !== undefined) query = query.where('provider_id', '=', of.providerId)
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(paging.limit)
    .offset(paging.offset)
    .execute()
  return rows.map(toRegistration)
}

/**
 * `isExpiredHold` of the domain as a condition on registrations: booked,
 * payment due, its hold's end at or before `now`. The status and payment
 * are literals, not parameters, so that both engines see the partial index
 * of unpaid holds (migration 0011) in the query's own condition.
 */
export function expiredHoldAt(now: Instant) {
  return (eb: ExpressionBuilder<DB, 'registrations'>) =>
    eb.and([
      eb('status', '=', sql.lit('booked')),
      eb('payment_status', '=', sql.lit('due')),
      eb('hold_expires_at', '<=', writeInstant(now)),
    ])
}

/** The ids of unpaid holds whose time ran out by `now`, soonest first, at most `limit`. */
export async function listExpiredHolds(
  db: Kysely<DB>,
  now: Instant,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('registrations')
    .select('id')
    .where(expiredHoldAt(now))
    .orderBy('hold_expires_at')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((row) => row.id)
}

/** How many registrations a candidate has (at one provider, when told), cancelled ones included. */
export async function countRegistrationsOfCandidate(
  db: Kysely<DB>,
  of: RegistrationsOf,
): Promise<number> {
  let query = db.selectFrom('registrations').where('candidate_id', '=', of.candidateId)
  if (of.providerId !== undefined) query = query.where('provider_id', '=', of.providerId)
  return countRows(query)
}

export interface RegistrationChange {
  readonly slotId?: string
  readonly providerId?: string
  readonly status?: RegistrationStatus
  readonly attemptId?: string | null
  readonly waiverId?: string | null
  readonly paymentStatus?: PaymentStatus
  readonly holdEnded?: HoldEnding
  /** A new price (codes applied to the registration); its list price and currency do not change. */
  readonly price?: PriceBreakdown
}

/**
 * Applies a change if the registration is still at `expectedVersion`, and
 * counts it; false when someone changed it first (the caller refuses, and
 * its transaction rolls back whatever else it did).
 */
export async function updateRegistration(
  db: Kysely<DB>,
  id: string,
  expectedVersion: number,
  change: RegistrationChange,
  updatedAt: Instant,
): Promise<boolean> {
  const result = await db
    .updateTable('registrations')
    .set({
      ...(change.slotId === undefined ? {} : { slot_id: change.slotId }),
      ...(change.providerId === undefined ? {} : { provider_id: change.providerId }),
      ...(change.status === undefined ? {} : { status: change.status }),
      ...(change.attemptId === undefined ? {} : { attempt_id: change.attemptId }),
      ...(change.waiverId === undefined ? {} : { waiver_id: change.waiverId }),
      ...(change.paymentStatus === undefined ? {} : { payment_status: change.paymentStatus }),
      ...(change.holdEnded === undefined ? {} : { hold_ended: change.holdEnded }),
      ...(change.price === undefined
        ? {}
        : {
            due_cents: change.price.dueCents,
            price_lines: JSON.stringify(change.price.lines),
          }),
      version: expectedVersion + 1,
      updated_at: writeInstant(updatedAt),
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

function toRegistration(row: Selectable<RegistrationTable>): Registration {
  return {
    id: row.id,
    candidateId: row.candidate_id,
    exam: row.exam_number,
    slotId: row.slot_id,
    providerId: row.provider_id,
    status: row.status,
    channel: row.channel,
    bookedBy: row.booked_by,
    bookedByRole: row.booked_by_role,
    bookedByName: row.booked_by_name,
    bookedByLabel: row.booked_by_label,
    bookedByProviderId: row.booked_by_provider_id,
    bookedReason: row.booked_reason,
    waiverId: row.waiver_id,
    attemptId: row.attempt_id,
    version: row.version,
    createdAt: readInstant(row.created_at),
    updatedAt: readInstant(row.updated_at),
    price:
      row.price_currency === null || row.list_cents === null || row.due_cents === null
        ? null
        : {
            currency: row.price_currency,
            listCents: row.list_cents,
            dueCents: row.due_cents,
            lines: JSON.parse(row.price_lines) as PriceLine[],
          },
    paymentStatus: row.payment_status,
    holdExpiresAt: readOptionalInstant(row.hold_expires_at),
    holdEnded: row.hold_ended,
  }
}
