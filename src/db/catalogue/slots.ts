import type { ExpressionBuilder, Kysely } from 'kysely'
import type { Appointment } from '../../domain/appointment.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import type { Slot, TestCentre } from '../../domain/test-centre.js'
import { readInstant, writeInstant } from '../engine/columns.js'
import { reusableQuery } from '../engine/reusable-query.js'
import type { DB } from '../engine/schema.js'
import { CENTRE_DETAIL_COLUMNS, type CentreRow, findCentres, toTestCentre } from './test-centres.js'

/** A slot to store: no seat is booked yet. */
export interface NewSlot {
  readonly id: string
  readonly centreId: string
  readonly startsAt: Instant
  readonly capacity: number
  readonly createdAt: Instant
}

/** A slot with the centre it is at. */
export interface SlotAtCentre {
  readonly slot: Slot
  readonly centre: TestCentre
}

/** What `searchOpenSlots` looks for: open slots (a seat free) starting in `[from, to)`. */
export interface OpenSlotFilter {
  /** Only centres whose provider delivers this exam. */
  readonly exam: ExamNumber
  readonly from: Instant
  readonly to: Instant
  readonly providerId?: string
  /** Most rows returned (earliest first). */
  readonly limit: number
}

// 1,000 rows × 6 parameters stays far below SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const INSERT_CHUNK = 1_000

/**
 * Stores slots; a slot whose centre already has one at the same instant is
 * skipped (the unique index on `(centre_id, starts_at)` decides, so two
 * generators racing cannot double a slot). Returns how many were new.
 */
export async function insertSlots(db: Kysely<DB>, slots: readonly NewSlot[]): Promise<number> {
  if (slots.length === 0) return 0
  // The provider is read from the centres, never taken from the caller, so the two cannot disagree.
  const centreIds = [...new Set(slots.map((slot) => slot.centreId))]
  const providerOf = new Map<string, string>()
  for (let i = 0; i < centreIds.length; i += INSERT_CHUNK) {
    const rows = await db
      .selectFrom('test_centres')
      .select(['id', 'provider_id'])
      .where('id', 'in', centreIds.slice(i, i + INSERT_CHUNK))
      .execute()
    for (const row of rows) providerOf.set(row.id, row.provider_id)
  }
  let inserted = 0
  for (let i = 0; i < slots.length; i += INSERT_CHUNK) {
    const result = await db
      .insertInto('slots')
      .values(
        slots.slice(i, i + INSERT_CHUNK).map((slot) => ({
          id: slot.id,
          centre_id: slot.centreId,
          // An unknown centre gets null here and is refused by the centre_id reference.
          provider_id: providerOf.get(slot.centreId) ?? null,
          starts_at: writeInstant(slot.startsAt),
          capacity: slot.capacity,
          created_at: writeInstant(slot.createdAt),
        })),
      )
      .onConflict((oc) => oc.columns(['centre_id', 'starts_at']).doNothing())
      .executeTakeFirst()
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n)
  }
  return inserted
}

/** A slot's columns, as `toSlotAppointment` reads them. */
export const SLOT_COLUMNS = [
  'slots.id',
  'slots.centre_id',
  'slots.starts_at',
  'slots.capacity',
  'slots.booked',
] as const

interface SlotRow {
  readonly id: string
  readonly centre_id: string
  readonly starts_at: string | Date
  readonly capacity: number
  readonly booked: number
}

function toSlot(row: SlotRow): Slot {
  return {
    id: row.id,
    centreId: row.centre_id,
    startsAt: readInstant(row.starts_at),
    capacity: row.capacity,
    booked: row.booked,
  }
}

/** The slot with this id, or null. */
export async function findSlot(db: Kysely<DB>, id: string): Promise<Slot | null> {
  const row = await db
    .selectFrom('slots')
    .select(SLOT_COLUMNS)
    .where('slots.id', '=', id)
    .executeTakeFirst()
  return row ? toSlot(row) : null
}

/** The slot with this id and its centre (whose zone and provider a booking needs), or null. */
export async function findSlotWithCentre(
  db: Kysely<DB>,
  slotId: string,
): Promise<SlotAtCentre | null> {
  const row = await db
    .selectFrom('slots')
    .innerJoin('test_centres', 'test_centres.id', 'slots.centre_id')
    .select([...SLOT_COLUMNS, ...CENTRE_DETAIL_COLUMNS])
    .where('slots.id', '=', slotId)
    .executeTakeFirst()
  return row ? toSlotAtCentre(row) : null
}

/**
 * The slot with this id, its centre and its provider, or null: one query
 * (a booking, a move and every registration view read them together).
 */
export async function findSlotAppointment(
  db: Kysely<DB>,
  slotId: string,
): Promise<Appointment | null> {
  const [row] = await slotAppointment(db, slotId)
  return row ? toSlotAppointment(row) : null
}

/** `findSlotAppointment` for many slots at once, by slot id, in one statement. */
export async function findSlotAppointments(
  db: Kysely<DB>,
  slotIds: readonly string[],
): Promise<Map<string, Appointment>> {
  if (slotIds.length === 0) return new Map()
  const rows = await selectSlotAppointment(db).where('slots.id', 'in', slotIds).execute()
  return new Map(rows.map((row) => [row.id, toSlotAppointment(row)]))
}

/** What a booking checks first about a slot, read in one query. */
export interface SlotToBook {
  readonly appointment: Appointment
  /** Whether the slot's provider delivers the exam. */
  readonly delivers: boolean
}

/**
 * `findSlotAppointment`, whether the slot's provider delivers `exam`
 * (canonical number), and `candidateId`'s live registration for that exam
 * (none when `candidateId` is null), in the same query; null when there is
 * no such slot.
 */
export async function findSlotToBook(
  db: Kysely<DB>,
  slotId: string,
  exam: ExamNumber,
): Promise<SlotToBook | null> {
  const [row] = await slotToBook(db, slotId, exam)
  if (!row) return null
  return {
    appointment: toSlotAppointment(row),
    // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean.
    delivers: Boolean(row.delivers),
  }
}

function selectSlotAppointment(db: Kysely<DB>) {
  return db
    .selectFrom('slots')
    .innerJoin('test_centres', 'test_centres.id', 'slots.centre_id')
    .innerJoin('providers', 'providers.id', 'test_centres.provider_id')
    .select([
      ...SLOT_COLUMNS,
      ...CENTRE_DETAIL_COLUMNS,
      'providers.name as provider_name',
      'providers.reschedule_cutoff_hours',
      'providers.cancel_cutoff_hours',
    ])
}

const slotAppointment = reusableQuery((db, slotId: string) =>
  selectSlotAppointment(db).where('slots.id', '=', slotId),
)

const slotToBook = reusableQuery((db, slotId: string, exam: ExamNumber) =>
  selectSlotAppointment(db)
    .select((eb) => deliversExam(eb, exam))
    .where('slots.id', '=', slotId),
)

/** `delivers`: whether the provider of the centre in the query delivers `exam`. */
export function deliversExam(eb: ExpressionBuilder<DB, 'test_centres'>, exam: ExamNumber) {
  return eb
    .exists(
      eb
        .selectFrom('provider_exams')
        .select('provider_exams.provider_id')
        .whereRef('provider_exams.provider_id', '=', 'test_centres.provider_id')
        .where('provider_exams.exam_number', '=', exam),
    )
    .as('delivers')
}

/** A slot's row joined with its centre's details and its provider's name and cutoffs. */
export type SlotAppointmentRow = SlotRow &
  Omit<CentreRow, 'id'> & {
    readonly provider_name: string
    readonly reschedule_cutoff_hours: number
    readonly cancel_cutoff_hours: number
  }

export function toSlotAppointment(row: SlotAppointmentRow): Appointment {
  return {
    ...toSlotAtCentre(row),
    provider: {
      id: row.provider_id,
      name: row.provider_name,
      rescheduleCutoffHours: row.reschedule_cutoff_hours,
      cancelCutoffHours: row.cancel_cutoff_hours,
    },
  }
}

/**
 * Open slots (fewer bookings than seats) starting in `[from, to)` at centres
 * whose provider delivers the exam, earliest first (ties by id), at most
 * `limit`, with their centres. One query per provider that delivers it, each
 * an ordered range of the index on `slots(provider_id, starts_at, id, …)`
 * that stops after `limit` rows however many centres and slots there are,
 * and reads no table row; the answers are merged.
 */
export async function searchOpenSlots(
  db: Kysely<DB>,
  filter: OpenSlotFilter,
): Promise<SlotAtCentre[]> {
  let providers = db
    .selectFrom('provider_exams')
    .select('provider_id')
    .where('exam_number', '=', filter.exam)
  if (filter.providerId !== undefined)
    providers = providers.where('provider_id', '=', filter.providerId)
  const providerIds = (await providers.execute()).map((row) => row.provider_id)
  const found: Slot[] = []
  for (const providerId of providerIds) {
    const rows = await db
      .selectFrom('slots')
      .select(SLOT_COLUMNS)
      .where('slots.provider_id', '=', providerId)
      .where('slots.starts_at', '>=', writeInstant(filter.from))
      .where('slots.starts_at', '<', writeInstant(filter.to))
      .whereRef('slots.booked', '<', 'slots.capacity')
      .orderBy('slots.starts_at')
      .orderBy('slots.id')
      .limit(filter.limit)
      .execute()
    found.push(...rows.map(toSlot))
  }
  found.sort((a, b) => a.startsAt - b.startsAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const shown = found.slice(0, filter.limit)
  // Centres are read once each, and only for the slots shown.
  const centres = new Map(
    (await findCentres(db, [...new Set(shown.map((slot) => slot.centreId))])).map((centre) => [
      centre.id,
      centre,
    ]),
  )
  return shown.map((slot) => ({ slot, centre: centres.get(slot.centreId)! }))
}

/**
 * Open slots starting in `[from, to)` at the given centres, at most
 * `perCentre` of each (its earliest): a caller that orders centres by
 * distance never needs more of one centre than it will show. The index on
 * `(centre_id, starts_at, capacity, booked, id)` answers it alone.
 */
export async function listOpenSlotsAt(
  db: Kysely<DB>,
  query: {
    readonly centreIds: readonly string[]
    readonly from: Instant
    readonly to: Instant
    readonly perCentre: number
  },
): Promise<Slot[]> {
  if (query.centreIds.length === 0) return []
  const ranked = db
    .selectFrom('slots')
    .select((eb) => [
      ...SLOT_COLUMNS,
      eb.fn
        .agg<number>('row_number')
        .over((ob) => ob.partitionBy('slots.centre_id').orderBy('slots.starts_at'))
        .as('place'),
    ])
    .where('slots.centre_id', 'in', query.centreIds)
    .where('slots.starts_at', '>=', writeInstant(query.from))
    .where('slots.starts_at', '<', writeInstant(query.to))
    .whereRef('slots.booked', '<', 'slots.capacity')
  const rows = await db
    .selectFrom(ranked.as('ranked'))
    .select(['id', 'centre_id', 'starts_at', 'capacity', 'booked'])
    .where('place', '<=', query.perCentre)
    .execute()
  return rows.map(toSlot)
}

function toSlotAtCentre(row: SlotRow & Omit<CentreRow, 'id'>): SlotAtCentre {
  return {
    slot: toSlot(row),
    centre: toTestCentre({ ...row, id: row.centre_id }),
  }
}

/** The starts at which a centre has a slot in `[from, to]` (both included), earliest first. */
export async function listSlotStartsAt(
  db: Kysely<DB>,
  query: { readonly centreId: string; readonly from: Instant; readonly to: Instant },
): Promise<Instant[]> {
  const rows = await db
    .selectFrom('slots')
    .select('starts_at')
    .where('centre_id', '=', query.centreId)
    .where('starts_at', '>=', writeInstant(query.from))
    .where('starts_at', '<=', writeInstant(query.to))
    .orderBy('starts_at')
    .execute()
  return rows.map((row) => readInstant(row.starts_at))
}
