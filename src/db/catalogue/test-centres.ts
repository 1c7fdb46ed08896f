import type { Kysely } from 'kysely'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import type { LongitudeRange } from '../../domain/longitude-ranges.js'
import type { TestCentre } from '../../domain/test-centre.js'
import { countRows, writeInstant } from '../engine/columns.js'
import type { Paging } from '../engine/paging.js'
import type { DB } from '../engine/schema.js'

/** A centre to store, with when it was made. */
export interface NewTestCentre extends TestCentre {
  readonly createdAt: Instant
}

/** Where to look for centres: latitudes and one or two longitude ranges (two across the antimeridian). */
export interface CentreArea {
  readonly minLatitude: number
  readonly maxLatitude: number
  readonly longitudes: readonly LongitudeRange[]
}

/** Which centres `findCentresDelivering` returns. */
export interface CentreSearch {
  readonly exam: ExamNumber
  readonly providerId?: string
  /** Absent: anywhere. */
  readonly area?: CentreArea
}

/** A centre's columns but its id: what a join with slots selects (`slots.centre_id` is the id). */
export const CENTRE_DETAIL_COLUMNS = [
  'test_centres.provider_id',
  'test_centres.name',
  'test_centres.address',
  'test_centres.city',
  'test_centres.country',
  'test_centres.latitude',
  'test_centres.longitude',
  'test_centres.time_zone',
] as const

const CENTRE_COLUMNS = ['test_centres.id', ...CENTRE_DETAIL_COLUMNS] as const

export interface CentreRow {
  readonly id: string
  readonly provider_id: string
  readonly name: string
  readonly address: string
  readonly city: string
  readonly country: string
  readonly latitude: number
  readonly longitude: number
  readonly time_zone: string
}

export function toTestCentre(row: CentreRow): TestCentre {
  return {
    id: row.id,
    providerId: row.provider_id,
    name: row.name,
    address: row.address,
    city: row.city,
    country: row.country,
    // pg returns double precision as a number, but be sure.
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
    timeZone: row.time_zone,
  }
}

/** Stores centres (one or many, in one statement per few hundred). */
export async function insertCentres(
  db: Kysely<DB>,
  centres: readonly NewTestCentre[],
): Promise<void> {
  for (let i = 0; i < centres.length; i += 500) {
    await db
      .insertInto('test_centres')
      .values(
        centres.slice(i, i + 500).map((centre) => ({
          id: centre.id,
          provider_id: centre.providerId,
          name: centre.name,
          address: centre.address,
          city: centre.city,
          country: centre.country,
          latitude: centre.latitude,
          longitude: centre.longitude,
          time_zone: centre.timeZone,
          created_at: writeInstant(centre.createdAt),
        })),
      )
      .execute()
  }
}

/** The centre with this id, or null. */
export async function findCentre(db: Kysely<DB>, id: string): Promise<TestCentre | null> {
  const row = await db
    .selectFrom('test_centres')
    .select(CENTRE_COLUMNS)
    .where('test_centres.id', '=', id)
    .executeTakeFirst()
  return row ? toTestCentre(row) : null
}

/** The centres with these ids (those that exist), in no particular order. */
export async function findCentres(db: Kysely<DB>, ids: readonly string[]): Promise<TestCentre[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('test_centres')
    .select(CENTRE_COLUMNS)
    .where('test_centres.id', 'in', ids)
    .execute()
  return rows.map(toTestCentre)
}

/** One page of every centre, or of a provider's, ordered by provider, country, city and id. */
export async function listCentres(
  db: Kysely<DB>,
  filter: { readonly providerId?: string },
  paging: Paging,
): Promise<TestCentre[]> {
  let query = db.selectFrom('test_centres').select(CENTRE_COLUMNS)
  if (filter.providerId !== undefined)
    query = query.where('test_centres.provider_id', '=', filter.providerId)
  const rows = await query
    .orderBy('test_centres.provider_id')
    .orderBy('test_centres.country')
    .orderBy('test_centres.city')
    .orderBy('test_centres.id')
    .limit(paging.limit)
    .offset(paging.offset)
    .execute()
  return rows.map(toTestCentre)
}

/** How many centres there are, or how many a provider has. */
export async function countCentres(
  db: Kysely<DB>,
  filter: { readonly providerId?: string },
): Promise<number> {
  let query = db.selectFrom('test_centres')
  if (filter.providerId !== undefined) query = query.where('provider_id', '=', filter.providerId)
  return countRows(query)
}

/** Where a centre is, and whose it is: what a search needs to measure distances. */
export interface CentrePosition {
  readonly id: string
  readonly providerId: string
  readonly latitude: number
  readonly longitude: number
}

/**
 * The centres whose provider delivers `exam`, optionally of one provider and
 * within an area (a cheap box: the caller measures exact distances). Only
 * positions, which the index on `(provider_id, latitude, longitude, id)`
 * holds, so no table row is read.
 */
export async function findCentresDelivering(
  db: Kysely<DB>,
  search: CentreSearch,
): Promise<CentrePosition[]> {
  return toCentrePositions(await selectCentresDelivering(db, search).execute())
}

/** The query of `findCentresDelivering`, for a caller that narrows it further. */
export function selectCentresDelivering(db: Kysely<DB>, search: CentreSearch) {
  let query = db
    .selectFrom('test_centres')
    .innerJoin('provider_exams', 'provider_exams.provider_id', 'test_centres.provider_id')
    .select([
      'test_centres.id',
      'test_centres.provider_id',
      'test_centres.latitude',
      'test_centres.longitude',
    ])
    .where('provider_exams.exam_number', '=', search.exam)
  if (search.providerId !== undefined)
    query = query.where('test_centres.provider_id', '=', search.providerId)
  const area = search.area
  if (area !== undefined) {
    query = query
      .where('test_centres.latitude', '>=', area.minLatitude)
      .where('test_centres.latitude', '<=', area.maxLatitude)
      .where((eb) =>
        eb.or(
          area.longitudes.map((range) =>
            eb.and([
              eb('test_centres.longitude', '>=', range.min),
              eb('test_centres.longitude', '<=', range.max),
            ]),
          ),
        ),
      )
  }
  return query
}

/** Rows of `selectCentresDelivering` as positions. */
export function toCentrePositions(
  rows: readonly {
    readonly id: string
    readonly provider_id: string
    readonly latitude: number
    readonly longitude: number
  }[],
): CentrePosition[] {
  return rows.map((row) => ({
    id: row.id,
    providerId: row.provider_id,
    latitude: Number(row.latitude),
    longitude: Number(row.longitude),
  }))
}
