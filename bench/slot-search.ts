/**
 * Finding a seat at realistic size: 3,000 test centres around the world
 * (both providers, the demo's exams), each with a year of weekday slots at
 * 09:00 and 13:00 on its own clock (about 1.6 million slots, a fifth of them
 * full), on SQLite.
 *
 * Measures `findSeats` (the use case behind `GET /v1/slots`) for random exams
 * and 30-day windows: near a random city (nearest first, no radius), near a
 * city within 50 km, and with no place (earliest first); and
 * `findCentresWithSeats` (behind `GET /v1/exams/{number}/centres`) near a
 * random city, a page of 10 centres with 3 slots each, without a radius and
 * within 50 km, and `findPlaces` for three letters of a city. Each beside the
 * ceiling measured on the same database in the same run: a trivial indexed
 * select of one slot by id through the same Kysely instance; the search by
 * centre also beside the one statement of its probes alone.
 */

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Kysely, sql } from 'kysely'
import { operatorPrincipal } from '../src/app/actor.js'
import {
  type FindCentresWithSeatsInput,
  findCentresWithSeats,
} from '../src/app/catalogue/find-centres-with-seats.js'
import { findPlaces } from '../src/app/catalogue/find-places.js'
import { type FindSeatsInput, findSeats } from '../src/app/catalogue/find-seats.js'
import { systemClock } from '../src/app/clock.js'
import { loadDemo } from '../src/app/operations/load-demo.js'
import { listAllProviderExams } from '../src/db/catalogue/providers.js'
import { insertSlots } from '../src/db/catalogue/slots.js'
import { insertCentres, type NewTestCentre } from '../src/db/catalogue/test-centres.js'
import { openDatabase } from '../src/db/engine/database.js'
import { migrateOrThrow } from '../src/db/engine/migrate.js'
import type { DB } from '../src/db/engine/schema.js'
import { DAY_MS, formatInstant, type Instant } from '../src/domain/instant.js'
import { computeSlotStarts } from '../src/domain/slot-schedule.js'
import { dec, heading, int, ms, pct, printTable, type TargetResult } from './format.js'

export interface SlotSearchOptions {
  /** Seconds per measured figure, split between the kinds of search. */
  readonly duration: number
}

export const CENTRES = 3_000
const YEAR_DAYS = 365
/**
 * A search near a city, one connection, back to back: a millisecond each.
 * (A search reads three or four index ranges and about a hundred rows; the
 * trivial select beside it reads one row, so the ratio is printed, not judged.)
 */
export const SLOT_SEARCH_TARGET_PER_SECOND = 1_000

/** Centres a "Find a seat" page shows at once, each with its next three open slots. */
const CENTRES_PAGE = 10
/**
 * A search by centre near a city, one connection, back to back. It asks
 * every centre of the world that delivers the exam whether it has a free
 * seat in the range (the total), then counts the page's centres' open slots:
 * a few thousand index probes, so a few milliseconds each.
 */
export const CENTRE_SEARCH_TARGET_PER_SECOND = 100

/** Cities the centres cluster around (with a few kilometres of scatter), with their zones. */
const CITIES: readonly (readonly [string, number, number, string, string])[] = [
  ['Auckland', -36.85, 174.76, 'NZ', 'Pacific/Auckland'],
  ['Wellington', -41.29, 174.78, 'NZ', 'Pacific/Auckland'],
  ['Suva', -18.14, 178.44, 'FJ', 'Pacific/Fiji'],
  ['Sydney', -33.87, 151.21, 'AU', 'Australia/Sydney'],
  ['Melbourne', -37.81, 144.96, 'AU', 'Australia/Melbourne'],
  ['Perth', -31.95, 115.86, 'AU', 'Australia/Perth'],
  ['Tokyo', 35.69, 139.69, 'JP', 'Asia/Tokyo'],
  ['Osaka', 34.69, 135.5, 'JP', 'Asia/Tokyo'],
  ['Seoul', 37.57, 126.98, 'KR', 'Asia/Seoul'],
  ['Shanghai', 31.23, 121.47, 'CN', 'Asia/Shanghai'],
  ['Beijing', 39.9, 116.41, 'CN', 'Asia/Shanghai'],
  ['Hong Kong', 22.32, 114.17, 'HK', 'Asia/Hong_Kong'],
  ['Singapore', 1.35, 103.82, 'SG', 'Asia/Singapore'],
  ['Jakarta', -6.21, 106.85, 'ID', 'Asia/Jakarta'],
  ['Manila', 14.6, 120.98, 'PH', 'Asia/Manila'],
  ['Bangkok', 13.76, 100.5, 'TH', 'Asia/Bangkok'],
  ['Bengaluru', 12.97, 77.59, 'IN', 'Asia/Kolkata'],
  ['Mumbai', 19.08, 72.88, 'IN', 'Asia/Kolkata'],
  ['Delhi', 28.61, 77.21, 'IN', 'Asia/Kolkata'],
  ['Dubai', 25.2, 55.27, 'AE', 'Asia/Dubai'],
  ['Nairobi', -1.29, 36.82, 'KE', 'Africa/Nairobi'],
  ['Johannesburg', -26.2, 28.05, 'ZA', 'Africa/Johannesburg'],
  ['Lagos', 6.52, 3.38, 'NG', 'Africa/Lagos'],
  ['Cairo', 30.04, 31.24, 'EG', 'Africa/Cairo'],
  ['Istanbul', 41.01, 28.98, 'TR', 'Europe/Istanbul'],
  ['Moscow', 55.76, 37.62, 'RU', 'Europe/Moscow'],
  ['Warsaw', 52.23, 21.01, 'PL', 'Europe/Warsaw'],
  ['Berlin', 52.52, 13.4, 'DE', 'Europe/Berlin'],
  ['Munich', 48.14, 11.58, 'DE', 'Europe/Berlin'],
  ['Paris', 48.86, 2.35, 'FR', 'Europe/Paris'],
  ['Madrid', 40.42, -3.7, 'ES', 'Europe/Madrid'],
  ['London', 51.51, -0.13, 'GB', 'Europe/London'],
  ['Dublin', 53.35, -6.26, 'IE', 'Europe/Dublin'],
  ['Stockholm', 59.33, 18.07, 'SE', 'Europe/Stockholm'],
  ['Reykjavik', 64.15, -21.94, 'IS', 'Atlantic/Reykjavik'],
  ['São Paulo', -23.55, -46.63, 'BR', 'America/Sao_Paulo'],
  ['Buenos Aires', -34.6, -58.38, 'AR', 'America/Argentina/Buenos_Aires'],
  ['Santiago', -33.45, -70.67, 'CL', 'America/Santiago'],
  ['Lima', -12.05, -77.04, 'PE', 'America/Lima'],
  ['Bogotá', 4.71, -74.07, 'CO', 'America/Bogota'],
  ['Mexico City', 19.43, -99.13, 'MX', 'America/Mexico_City'],
  ['New York', 40.71, -74.01, 'US', 'America/New_York'],
  ['Boston', 42.36, -71.06, 'US', 'America/New_York'],
  ['Chicago', 41.88, -87.63, 'US', 'America/Chicago'],
  ['Dallas', 32.78, -96.8, 'US', 'America/Chicago'],
  ['Denver', 39.74, -104.99, 'US', 'America/Denver'],
  ['Los Angeles', 34.05, -118.24, 'US', 'America/Los_Angeles'],
  ['Seattle', 47.61, -122.33, 'US', 'America/Los_Angeles'],
  ['Toronto', 43.65, -79.38, 'CA', 'America/Toronto'],
  ['Vancouver', 49.28, -123.12, 'CA', 'America/Vancouver'],
  ['Honolulu', 21.31, -157.86, 'US', 'Pacific/Honolulu'],
  ['Anchorage', 61.22, -149.9, 'US', 'America/Anchorage'],
]

/** A small seeded PRNG (mulberry32), so every run builds the same network. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Adds `CENTRES` centres around `CITIES` (alternating providers) and a year
 * of weekday slots at 09:00 and 13:00 on each centre's clock from `now`, a
 * fifth of them full; returns the number of slots. The demo (exams, which
 * provider delivers which) must be loaded first.
 */
export async function buildSearchNetwork(
  db: Kysely<DB>,
  now: Instant,
  rand: () => number,
): Promise<number> {
  const centres: NewTestCentre[] = []
  for (let i = 0; i < CENTRES; i++) {
    const [city, latitude, longitude, country, timeZone] = CITIES[i % CITIES.length]!
    // Alternating per lap of the city list, so every city has centres of both providers.
    const provider = Math.floor(i / CITIES.length) % 2 === 0 ? 'prometric' : 'pearson-vue'
    centres.push({
      id: `bench-${i}`,
      providerId: provider,
      name: `${provider} ${city} ${i}`,
      address: `${1 + (i % 300)} Bench Street`,
      city,
      country,
      // Scattered over some 30 km around the city centre.
      latitude: latitude + (rand() - 0.5) * 0.5,
      longitude: Math.max(-180, Math.min(180, longitude + (rand() - 0.5) * 0.5)),
      timeZone,
      createdAt: now,
    })
  }
  await db.transaction().execute((trx) => insertCentres(trx, centres))

  // One schedule per zone (Temporal is the slow part); every centre in the zone shares it.
  const startsByZone = new Map<string, Instant[]>()
  for (const [, , , , zone] of CITIES) {
    if (startsByZone.has(zone)) continue
    startsByZone.set(
      zone,
      computeSlotStarts({
        from: now,
        to: now + YEAR_DAYS * DAY_MS,
        every: { unit: 'minutes', amount: 240 },
        daily: { open: 9 * 60, close: 14 * 60 },
        weekdays: [1, 2, 3, 4, 5],
        timeZone: zone,
      }),
    )
  }
  // In time order, as a live system fills its calendar: the time-ordered
  // indexes then grow at their ends, and setting up takes a third as long.
  const planned: { readonly startsAt: Instant; readonly centreId: string }[] = []
  for (const centre of centres) {
    for (const startsAt of startsByZone.get(centre.timeZone)!)
      planned.push({ startsAt, centreId: centre.id })
  }
  planned.sort((a, b) => a.startsAt - b.startsAt)
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < planned.length; i += 20_000) {
      await insertSlots(
        trx,
        planned.slice(i, i + 20_000).map(({ startsAt, centreId }, j) => ({
          id: `s${(i + j).toString(36).padStart(5, '0')}`,
          centreId,
          startsAt,
          capacity: 10,
          createdAt: now,
        })),
      )
    }
  })
  const slotCount = planned.length
  // A fifth of the slots are full: the search must skip them.
  await sql`update slots set booked = capacity where abs(random()) % 5 = 0`.execute(db)
  return slotCount
}

interface Rate {
  readonly perSecond: number
  readonly p50: number
  readonly p99: number
  readonly meanItems: number
}

/** Runs `once` back to back for `seconds`, after a short warm-up. */
async function measure(seconds: number, once: () => Promise<number>): Promise<Rate> {
  for (let i = 0; i < 50; i++) await once()
  const times: number[] = []
  let items = 0
  const end = performance.now() + seconds * 1000
  const started = performance.now()
  while (performance.now() < end) {
    const t = performance.now()
    items += await once()
    times.push(performance.now() - t)
  }
  const elapsed = (performance.now() - started) / 1000
  times.sort((a, b) => a - b)
  return {
    perSecond: times.length / elapsed,
    p50: times[Math.floor(times.length * 0.5)] ?? 0,
    p99: times[Math.floor(times.length * 0.99)] ?? 0,
    meanItems: items / Math.max(1, times.length),
  }
}

export async function runSlotSearchBench(options: SlotSearchOptions): Promise<TargetResult[]> {
  heading(`slot search: ${int(CENTRES)} centres × a year of slots (SQLite)`)
  const dir = mkdtempSync(join(tmpdir(), 'examdesk-bench-slots-'))
  const database = await openDatabase(`sqlite:${join(dir, 'bench.db')}`)
  try {
    const { db } = database
    const deps = { db, clock: systemClock }
    const setupStarted = performance.now()
    await migrateOrThrow(db)
    await loadDemo(deps, true)
    const now = systemClock.now()
    const rand = random(42)
    // A bulk load: a large page cache while the 1.6 million rows go in (one
    // transaction), and the slot indexes the insert does not need built
    // afterwards from their own definitions, which is quicker than keeping
    // them up to date row by row. The unique index on (centre, start) stays:
    // the insert's ON CONFLICT needs it.
    await sql`pragma cache_size = -262144`.execute(db)
    const { rows: deferred } = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master
      where type = 'index' and tbl_name = 'slots' and sql is not null and sql not like 'create unique%'
    `.execute(db)
    for (const index of deferred) await sql`drop index ${sql.id(index.name)}`.execute(db)
    const slotCount = await buildSearchNetwork(db, now, rand)
    for (const index of deferred) await sql.raw(index.sql).execute(db)
    await sql`pragma cache_size = -2000`.execute(db)
    // Moves the set-up out of the write-ahead log, as SQLite's own checkpoints would have by now.
    await sql`pragma wal_checkpoint(truncate)`.execute(db)
    const setupSeconds = (performance.now() - setupStarted) / 1000
    console.log(
      `  set up ${int(CENTRES)} centres and ${int(slotCount)} slots in ${dec(setupSeconds)} s`,
    )

    const delivered = await listAllProviderExams(db)
    const exams = [...new Set([...delivered.values()].flat())]
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
    const window = () => {
      const from = now + Math.floor(rand() * (YEAR_DAYS - 30)) * DAY_MS
      return { from: formatInstant(from), to: formatInstant(from + 30 * DAY_MS) }
    }
    const nearCity = () => {
      const [, latitude, longitude] = pick(CITIES)
      return `${(latitude + (rand() - 0.5) * 0.2).toFixed(4)},${(longitude + (rand() - 0.5) * 0.2).toFixed(4)}`
    }
    const search = (input: () => FindSeatsInput) => async () =>
      (await findSeats(deps, input(), operatorPrincipal('bench'))).items.length

    const byCentre = (input: () => FindCentresWithSeatsInput) => async () =>
      (
        await findCentresWithSeats(
          deps,
          input(),
          { limit: CENTRES_PAGE, offset: 0 },
          operatorPrincipal('bench'),
        )
      ).items.length

    const share = options.duration / 8
    const nearest = await measure(
      share,
      search(() => ({ exam: pick(exams), ...window(), near: nearCity() })),
    )
    const within = await measure(
      share,
      search(() => ({ exam: pick(exams), ...window(), near: nearCity(), radiusKm: 50 })),
    )
    const earliest = await measure(
      share,
      search(() => ({ exam: pick(exams), ...window() })),
    )
    const centresNearest = await measure(
      share,
      byCentre(() => ({ exam: pick(exams), ...window(), near: nearCity() })),
    )
    const centresWithin = await measure(
      share,
      byCentre(() => ({ exam: pick(exams), ...window(), near: nearCity(), radiusKm: 50 })),
    )
    const typed = CITIES.map(([city]) => city.slice(0, 3))
    const places = await measure(
      share,
      async () => (await findPlaces(deps, { q: pick(typed) })).length,
    )
    // What any search by centre must do: ask each centre that delivers the exam whether it has an open slot.
    const probes = await measure(share, async () => {
      const { from, to } = window()
      const { rows } = await sql<{ n: number }>`
        select count(*) as n from test_centres
        join provider_exams on provider_exams.provider_id = test_centres.provider_id
        where provider_exams.exam_number = ${pick(exams)} and exists (
          select 1 from slots where slots.centre_id = test_centres.id
          and slots.starts_at >= ${from} and slots.starts_at < ${to} and slots.booked < slots.capacity)
      `.execute(db)
      return rows.length
    })
    const ids = (await db.selectFrom('slots').select('id').limit(10_000).execute()).map(
      (row) => row.id,
    )
    const trivial = await measure(share, async () => {
      const row = await db
        .selectFrom('slots')
        .select(['id', 'booked'])
        .where('id', '=', pick(ids))
        .executeTakeFirst()
      return row ? 1 : 0
    })

    const row = (label: string, rate: Rate) => [
      label,
      `${int(rate.perSecond)}/s`,
      ms(rate.p50),
      ms(rate.p99),
      dec(rate.meanItems),
      pct(rate.perSecond / trivial.perSecond),
    ]
    printTable(
      [
        ['what (sequential, one connection)', 'rate', 'p50', 'p99', 'items', 'of ceiling'],
        row('findSeats near a city, nearest first', nearest),
        row('findSeats near a city, radiusKm=50', within),
        row('findSeats, no place: earliest first', earliest),
        row(`findCentresWithSeats near a city, ${CENTRES_PAGE} centres`, centresNearest),
        row(`findCentresWithSeats, radiusKm=50`, centresWithin),
        row('findPlaces, three letters typed', places),
        row('the probes alone: centres with an open slot, counted', probes),
        row('ceiling: select one slot by id (Kysely)', trivial),
      ],
      'lrrrrr',
    )
    const ratio = nearest.perSecond / trivial.perSecond
    const centresRatio = centresNearest.perSecond / trivial.perSecond
    return [
      {
        target: `slot search near a city ≥ ${int(SLOT_SEARCH_TARGET_PER_SECOND)}/s (3,000 centres, a year of slots)`,
        figure: `${int(nearest.perSecond)}/s, p99 ${ms(nearest.p99)} (${pct(ratio)} of a trivial select)`,
        pass: nearest.perSecond >= SLOT_SEARCH_TARGET_PER_SECOND,
      },
      {
        target: `centre search near a city ≥ ${int(CENTRE_SEARCH_TARGET_PER_SECOND)}/s (${CENTRES_PAGE} centres a page, the world's counted)`,
        figure: `${int(centresNearest.perSecond)}/s, p99 ${ms(centresNearest.p99)} (${pct(centresRatio)} of a trivial select, ${pct(centresNearest.perSecond / probes.perSecond)} of its probes alone)`,
        pass: centresNearest.perSecond >= CENTRE_SEARCH_TARGET_PER_SECOND,
      },
    ]
  } finally {
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
