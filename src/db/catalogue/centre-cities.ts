import { type Kysely, sql } from 'kysely'
import type { LongitudeSpread } from '../../domain/place.js'
import type { DB } from '../engine/schema.js'

/** A city (by name and country) that has test centres, and where they are. */
export interface CentreCity {
  readonly city: string
  readonly country: string
  readonly centres: number
  readonly meanLatitude: number
  readonly longitudes: LongitudeSpread
}

/** Every city and country the test centres name, with how many centres each has and their positions added up. */
export async function listCentreCities(db: Kysely<DB>): Promise<CentreCity[]> {
  const rows = await db
    .selectFrom('test_centres')
    .select((eb) => [
      'test_centres.city',
      'test_centres.country',
      eb.fn.countAll<number | string>().as('centres'),
      eb.fn.avg<number | string>('test_centres.latitude').as('mean_latitude'),
      eb.fn.min<number>('test_centres.longitude').as('min_longitude'),
      eb.fn.max<number>('test_centres.longitude').as('max_longitude'),
      eb.fn.avg<number | string>('test_centres.longitude').as('mean_longitude'),
      eb.fn
        .avg<number | string>(
          sql`case when test_centres.longitude < 0 then test_centres.longitude + 360 else test_centres.longitude end`,
        )
        .as('eastward_mean_longitude'),
    ])
    .groupBy(['test_centres.city', 'test_centres.country'])
    .execute()
  // PostgreSQL counts in bigint and may average in numeric, which pg hands over as text.
  return rows.map((row) => ({
    city: row.city,
    country: row.country,
    centres: Number(row.centres),
    meanLatitude: Number(row.mean_latitude),
    longitudes: {
      min: Number(row.min_longitude),
      max: Number(row.max_longitude),
      mean: Number(row.mean_longitude),
      eastwardMean: Number(row.eastward_mean_longitude),
    },
  }))
}
