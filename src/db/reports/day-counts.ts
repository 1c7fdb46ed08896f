import { type Kysely, sql } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import type { ReportBucket } from '../../domain/report-period.js'
import { readInstant, writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'
import { countExpiredCodes } from './code-counts.js'
import { toCount } from './report-buckets.js'

/** One count of a day (see migration 0024). */
export interface DayCount {
  readonly measure: string
  readonly providerId: string
  readonly subject: string
  readonly variant: number
  readonly n: number
  readonly total: number
  readonly least: number | null
}

/** The counts a report reads, summed over the days asked for (and per day when asked). */
export interface SummedCount {
  readonly day: string
  readonly measure: string
  readonly subject: string
  readonly variant: number
  readonly n: number
  readonly total: number
  readonly least: number | null
}

const sum = (condition: ReturnType<typeof sql>) =>
  sql<unknown>`sum(case when ${condition} then 1 else 0 end)`

/** The wait bands of retakes, in minutes (2, 7, 14, 30, 90 days), as `countRetakes` reads them. */
const BANDS = [2, 7, 14, 30, 90].map((days) => days * 1440)

/**
 * Everything the reports count about one day, from the rows: what the
 * day's counts are made of. Per provider, so that a report for one
 * provider reads its own counts.
 */
export async function countDayFromRows(db: Kysely<DB>, day: ReportBucket): Promise<DayCount[]> {
  const from = writeInstant(day.start)
  const until = writeInstant(day.end)
  const counts: DayCount[] = []
  const add = (
    measure: string,
    providerId: string | null,
    subject: string,
    n: unknown,
    total: unknown = 0,
    least: unknown = null,
    variant = 0,
  ) => {
    const count = toCount(n)
    if (count === 0 && toCount(total) === 0) return
    counts.push({
      measure,
      providerId: providerId ?? '',
      subject,
      variant,
      n: count,
      total: toCount(total),
      least: least === null || least === undefined ? null : Number(least),
    })
  }

  const registered = await db
    .selectFrom('registrations')
    .select((eb) => ['provider_id', eb.fn.countAll().as('n')])
    .where('created_at', '>=', from)
    .where('created_at', '<', until)
    .groupBy('provider_id')
    .execute()
  for (const r of registered) add('registered', r.provider_id, '', r.n)
  const cancelled = await db
    .selectFrom('registrations')
    .select((eb) => ['provider_id', eb.fn.countAll().as('n')])
    .where('status', '=', 'cancelled')
    .where('updated_at', '>=', from)
    .where('updated_at', '<', until)
    .groupBy('provider_id')
    .execute()
  for (const r of cancelled) add('cancelled', r.provider_id, '', r.n)

  const slots = await db
    .selectFrom('slots')
    .select((eb) => [
      'provider_id',
      'centre_id',
      eb.fn.countAll().as('n'),
      sql<unknown>`sum(capacity)`.as('capacity'),
      sql<unknown>`sum(booked)`.as('booked'),
    ])
    .where('starts_at', '>=', from)
    .where('starts_at', '<', until)
    .groupBy(['provider_id', 'centre_id'])
    .execute()
  for (const s of slots) {
    add('slots', s.provider_id, s.centre_id, s.n, s.capacity)
    add('booked', s.provider_id, s.centre_id, s.booked)
  }
  const noShows = await db
    .selectFrom('registrations as r')
    .innerJoin('slots as s', 's.id', 'r.slot_id')
    .select((eb) => ['r.provider_id', 's.centre_id', eb.fn.countAll().as('n')])
    .where('r.status', '=', 'no-show')
    .where('s.starts_at', '>=', from)
    .where('s.starts_at', '<', until)
    .groupBy(['r.provider_id', 's.centre_id'])
    .execute()
  for (const r of noShows) add('no-show', r.provider_id, r.centre_id, r.n)

  const attempts = await db
    .selectFrom('attempts')
    .select((eb) => [
      'provider_id',
      'exam_number',
      sum(sql`outcome <> 'pending'`).as('sat'),
      sum(sql`outcome = 'pass'`).as('passed'),
      sum(sql`outcome <> 'pending' and minutes_since_previous is null`).as('first_sat'),
      sum(sql`outcome = 'pass' and minutes_since_previous is null`).as('first_passed'),
      sum(sql`outcome = 'pending'`).as('pending'),
      sum(sql`minutes_since_previous is not null`).as('retakes'),
      eb.fn.sum('minutes_since_previous').as('waited'),
      eb.fn.min('minutes_since_previous').as('shortest'),
      ...BANDS.map((upper, k) =>
        sum(
          k === 0
            ? sql`minutes_since_previous < ${upper}`
            : sql`minutes_since_previous >= ${BANDS[k - 1]} and minutes_since_previous < ${upper}`,
        ).as(`band_${k}`),
      ),
      sum(sql`minutes_since_previous >= ${BANDS.at(-1)}`).as(`band_${BANDS.length}`),
    ])
    .where('taken_at', '>=', from)
    .where('taken_at', '<', until)
    .groupBy(['provider_id', 'exam_number'])
    .execute()
  for (const a of attempts as unknown as Record<string, unknown>[]) {
    const provider = String(a.provider_id)
    const exam = String(a.exam_number)
    add('sat', provider, exam, a.sat)
    add('passed', provider, exam, a.passed)
    add('first-sat', provider, exam, a.first_sat)
    add('first-passed', provider, exam, a.first_passed)
    add('pending', provider, exam, a.pending)
    add('retakes', provider, exam, a.retakes, a.waited, a.shortest)
    for (let k = 0; k <= BANDS.length; k++) add(`retake-band-${k}`, provider, exam, a[`band_${k}`])
  }

  const issued = await db
    .selectFrom('vouchers')
    .select((eb) => ['offer_id', 'offer_version', eb.fn.countAll().as('n')])
    .where('issued_at', '>=', from)
    .where('issued_at', '<', until)
    .groupBy(['offer_id', 'offer_version'])
    .execute()
  for (const v of issued) add('issued', null, v.offer_id, v.n, 0, null, v.offer_version)
  const expired = await countExpiredCodes(db, from, until)
  for (const v of expired) add('expired', null, v.offer_id, v.n, 0, null, v.offer_version)
  for (const column of ['u.used_at', 'u.returned_at'] as const) {
    const uses = await db
      .selectFrom('voucher_uses as u')
      .innerJoin('vouchers as v', 'v.code', 'u.voucher_code')
      .leftJoin('registrations as r', 'r.id', 'u.registration_id')
      .select((eb) => [
        'v.offer_id',
        'v.offer_version',
        'r.provider_id',
        eb.fn.countAll().as('n'),
        sum(sql`u.kind = 'forfeited'`).as('forfeited'),
      ])
      .where(column, '>=', from)
      .where(column, '<', until)
      .groupBy(['v.offer_id', 'v.offer_version', 'r.provider_id'])
      .execute()
    for (const u of uses) {
      const variant = u.offer_version
      if (column === 'u.returned_at') {
        add('returned', u.provider_id, u.offer_id, u.n, 0, null, variant)
      } else {
        const forfeited = toCount(u.forfeited)
        add('used', u.provider_id, u.offer_id, toCount(u.n) - forfeited, 0, null, variant)
        add('forfeited', u.provider_id, u.offer_id, forfeited, 0, null, variant)
      }
    }
  }
  return counts
}

/** Replaces a day's counts on a zone's clock with `counts`, and records it counted. */
export async function replaceDayCounts(
  db: Kysely<DB>,
  timeZone: string,
  day: string,
  counts: readonly DayCount[],
  countedAt: Instant,
): Promise<void> {
  await db
    .deleteFrom('report_day_counts')
    .where('time_zone', '=', timeZone)
    .where('day', '=', day)
    .execute()
  // A few hundred counts at most: batches keep each statement's parameters few.
  for (let k = 0; k < counts.length; k += 200) {
    await db
      .insertInto('report_day_counts')
      .values(
        counts.slice(k, k + 200).map((c) => ({
          time_zone: timeZone,
          day,
          measure: c.measure,
          provider_id: c.providerId,
          subject: c.subject,
          variant: c.variant,
          n: c.n,
          total: c.total,
          least: c.least,
        })),
      )
      .execute()
  }
  await db
    .insertInto('report_counted_days')
    .values({ time_zone: timeZone, day, counted_at: writeInstant(countedAt) })
    .onConflict((oc) =>
      oc.columns(['time_zone', 'day']).doUpdateSet({ counted_at: writeInstant(countedAt) }),
    )
    .execute()
}

/** The days counted on a zone's clock from `from` to `to` (labels, both included). */
export async function listCountedDays(
  db: Kysely<DB>,
  timeZone: string,
  from: string,
  to: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('report_counted_days')
    .select('day')
    .where('time_zone', '=', timeZone)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute()
  return new Set(rows.map((row) => row.day))
}

/** The instant a zone's counts are true as of, or null before they were first made. */
export async function readCountMark(db: Kysely<DB>, timeZone: string): Promise<Instant | null> {
  const row = await db
    .selectFrom('report_count_marks')
    .select('as_of')
    .where('time_zone', '=', timeZone)
    .executeTakeFirst()
  return row === undefined ? null : readInstant(row.as_of)
}

export async function writeCountMark(
  db: Kysely<DB>,
  timeZone: string,
  asOf: Instant,
): Promise<void> {
  await db
    .insertInto('report_count_marks')
    .values({ time_zone: timeZone, as_of: writeInstant(asOf) })
    .onConflict((oc) => oc.column('time_zone').doUpdateSet({ as_of: writeInstant(asOf) }))
    .execute()
}

/**
 * The instants, before `before`, that a day's counts are made of and that
 * rows changed since `since` moved: the start of the slot of a registration
 * changed (seats, no-shows) and the uses of its codes (their provider); a
 * slot made since; an attempt taken (its result, and whether the later
 * attempts at its exam are first ones and how long they waited); the expiry
 * of a code used, given back or voided since. Each is read from an index
 * on the instant a row last changed.
 */
export async function findChangedInstants(
  db: Kysely<DB>,
  since: Instant,
  before: Instant,
): Promise<Instant[]> {
  const at = writeInstant(since)
  const { rows } = await sql<{ at: string | Date }>`
    select distinct c.at from (
      select s.starts_at as at from registrations r join slots s on s.id = r.slot_id
        where r.updated_at >= ${at}
      union all select u.used_at from registrations r join voucher_uses u on u.registration_id = r.id
        where r.updated_at >= ${at}
      union all select u.returned_at from registrations r join voucher_uses u on u.registration_id = r.id
        where r.updated_at >= ${at} and u.returned_at is not null
      union all select starts_at from slots where created_at >= ${at}
      union all select a.taken_at from attempts a where a.updated_at >= ${at}
      union all select later.taken_at from attempts a join attempts later
        on later.candidate_id = a.candidate_id and later.exam_number = a.exam_number
          and later.taken_at > a.taken_at
        where a.updated_at >= ${at}
      union all select v.expires_at from voucher_uses u join vouchers v on v.code = u.voucher_code
        where u.used_at >= ${at} and v.expires_at is not null
      union all select v.expires_at from voucher_uses u join vouchers v on v.code = u.voucher_code
        where u.returned_at >= ${at} and v.expires_at is not null
      union all select expires_at from vouchers where voided_at >= ${at} and expires_at is not null
    ) c where c.at < ${writeInstant(before)}`.execute(db)
  return rows.map((row) => readInstant(row.at))
}

/** The earliest instant any day's counts are made of, or null when there is nothing to count. */
export async function findEarliestCountedInstant(db: Kysely<DB>): Promise<Instant | null> {
  const { rows } = await sql<{ at: string | Date | null }>`
    select min(c.at) as at from (
      select min(created_at) as at from registrations
      union all select min(starts_at) from slots
      union all select min(taken_at) from attempts
      union all select min(issued_at) from vouchers
      union all select min(expires_at) from vouchers
      union all select min(used_at) from voucher_uses
    ) c`.execute(db)
  const at = rows[0]?.at ?? null
  return at === null ? null : readInstant(at)
}

/**
 * The counts of the days named, on a zone's clock, summed per measure and
 * subject (and per day when `byDay`); for one provider, or all when null.
 */
export async function readDayCounts(
  db: Kysely<DB>,
  timeZone: string,
  days: readonly string[],
  measures: readonly string[],
  provider: string | null,
  byDay = false,
): Promise<SummedCount[]> {
  if (days.length === 0) return []
  let query = db
    .selectFrom('report_day_counts')
    .select((eb) => [
      'measure',
      'subject',
      'variant',
      eb.fn.sum('n').as('n'),
      eb.fn.sum('total').as('total'),
      eb.fn.min('least').as('least'),
    ])
    .where('time_zone', '=', timeZone)
    .where('day', 'in', [...days])
    .where('measure', 'in', [...measures])
    .groupBy(['measure', 'subject', 'variant'])
  if (provider !== null) query = query.where('provider_id', '=', provider)
  const rows = byDay ? await query.select('day').groupBy('day').execute() : await query.execute()
  return rows.map((row) => ({
    day: 'day' in row ? String(row.day) : '',
    measure: row.measure,
    subject: row.subject,
    variant: Number(row.variant),
    n: toCount(row.n),
    total: toCount(row.total),
    least: row.least === null ? null : Number(row.least),
  }))
}
