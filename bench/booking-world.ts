import type { Kysely } from 'kysely'
import { insertSlots } from '../src/db/catalogue/slots.js'
import { insertCentres } from '../src/db/catalogue/test-centres.js'
import type { DB } from '../src/db/engine/schema.js'
import { DAY_MS, formatInstant, HOUR_MS, type Instant } from '../src/domain/instant.js'

/**
 * What the booking benchmarks book into: one centre of `provider` in
 * Auckland with a slot an hour apart from 30 days on, each of `capacity`.
 */
export async function insertBenchCentre(
  db: Kysely<DB>,
  provider: string,
  slotIds: readonly string[],
  capacity: number,
  now: Instant,
): Promise<void> {
  const centreId = 'bench-centre'
  await insertCentres(db, [
    {
      id: centreId,
      providerId: provider,
      name: 'Benchmark centre',
      address: '1 Queen Street',
      city: 'Auckland',
      country: 'NZ',
      latitude: -36.8485,
      longitude: 174.7633,
      timeZone: 'Pacific/Auckland',
      createdAt: now,
    },
  ])
  await insertSlots(
    db,
    slotIds.map((id, k) => ({
      id,
      centreId,
      startsAt: now + 30 * DAY_MS + k * HOUR_MS,
      capacity,
      createdAt: now,
    })),
  )
}

/** Benchmark candidate number `n`, as a row, under the id given. */
export function benchCandidateRow(id: string, n: number, now: Instant) {
  return {
    id,
    first_name: 'Bench',
    last_name: `Candidate ${n}`,
    email: `candidate-${n}@bench.example`,
    country: 'NZ',
    time_zone: 'Pacific/Auckland',
    created_at: formatInstant(now),
  }
}
