/**
 * Registrations per second through the HTTP API (`POST /v1/registrations`,
 * autocannon, 50 connections, every request a different candidate and its
 * own Idempotency-Key, slots taken in turn so that seats never run out), on
 * SQLite and on PostgreSQL, each beside its ceiling measured in the same run:
 * the raw booking transaction on the same database, the same SQL writes
 * through Kysely (take the seat, insert the registration, the audit entry,
 * the outbox mail as a booking stores it, claim and complete the idempotency
 * key), with no HTTP and no policy, each transaction committed on its own.
 * Target: HTTP ≥ 50 % of that ceiling on each database, p99 < 50 ms on SQLite.
 * The HTTP load and the raw loop run in turn for five rounds and the median
 * round is judged, so that a slow spell of the shared machine spoils one
 * round, not the verdict.
 *
 * On SQLite the API commits bookings that arrive together in one durable
 * commit (`runInTransaction`), which the raw loop above does not; so on
 * SQLite the raw loop runs a second time through `runInTransaction`, and that
 * is the ceiling the target is judged against (the loop committed alone is
 * printed beside it). On PostgreSQL, `pgbench`'s built-in TPC-B-like
 * transaction on the same server is printed beside them as the database's
 * own ceiling.
 *
 * The parent (this file) prepares a fresh database (a temporary SQLite file;
 * a fresh PostgreSQL schema, dropped at the end), starts the API on it in a
 * child process (bench/registrations-server.ts, so that autocannon's CPU does
 * not share its event loop), loads it, stops it, then runs the raw loop on the
 * same database from this process. `BENCH_CPU_PROF=<dir>` runs the child with
 * `--cpu-prof` and writes its profile there.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { type Kysely, sql, type Transaction } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { createToken } from '../src/app/access/api-tokens.js'
import { createExam } from '../src/app/catalogue/create-exam.js'
import { systemClock } from '../src/app/clock.js'
import { hashRequest } from '../src/app/idempotent.js'
import { loadDemo } from '../src/app/operations/load-demo.js'
import { drawReadableId } from '../src/app/readable-ids.js'
import { appendAudit } from '../src/db/audit-log.js'
import { addProviderExam } from '../src/db/catalogue/providers.js'
import { takeSeat } from '../src/db/catalogue/seats.js'
import {
  type Database,
  openDatabase,
  quoteIdentifier,
  redactUrl,
} from '../src/db/engine/database.js'
import type { DialectName } from '../src/db/engine/dialect.js'
import { runInTransaction } from '../src/db/engine/group-commit.js'
import { migrateOrThrow } from '../src/db/engine/migrate.js'
import type { DB } from '../src/db/engine/schema.js'
import { claimIdempotencyKey, completeIdempotencyRecord } from '../src/db/idempotency-keys.js'
import { enqueueMail } from '../src/db/mail/outbox.js'
import { insertRegistration } from '../src/db/registrations/registrations.js'
import { formatInstant, type Instant } from '../src/domain/instant.js'
import type { MailAttachment } from '../src/domain/outbox-mail.js'
import { benchCandidateRow, insertBenchCentre } from './booking-world.js'
import { dec, heading, int, ms, pct, printTable, type TargetResult } from './format.js'
import { measurePgbench } from './pgbench.js'
import { onPostgres, POSTGRES_URL, postgresAnswers } from './postgres.js'
import { benchDatabaseOptions, firstLine, spawnServerChild, stopChild } from './server-child.js'

export interface RegistrationsOptions {
  /** Seconds the measured HTTP load lasts, and the raw loop after it. */
  readonly duration: number
}

export const REGISTRATIONS_TARGET_RATIO = 0.5
export const SQLITE_P99_TARGET_MS = 50
const CONNECTIONS = 50
/** Rounds of HTTP and raw loads in turn; the median is judged. */
const ROUNDS = 5
/** Concurrent raw transactions; on PostgreSQL they share a pool as large as the server's. */
const RAW_CONCURRENCY = 50
const POOL_MAX = 10
const CANDIDATES = 100_000
const SLOTS = 1_000
const CAPACITY = 1_000
const PROVIDER = 'prometric'
/** A generous bound on bookings a second (HTTP or raw), to have enough (candidate, exam) pairs. */
const MAX_RATE = 20_000

/**
 * Booking number `n` is candidate `n mod CANDIDATES` taking exam number
 * `n div CANDIDATES`: a candidate holds one live registration per exam, so a
 * few exams give every booking of the run a pair of its own.
 */
class Sequence {
  private next = 0
  constructor(
    readonly exams: readonly string[],
    readonly slots: readonly string[],
  ) {}
  get capacity(): number {
    return CANDIDATES * this.exams.length
  }
  get used(): number {
    return this.next
  }
  take(): { candidateId: string; exam: string; slotId: string; key: string } | null {
    const n = this.next++
    if (n >= this.capacity) return null
    return {
      candidateId: candidateId(n % CANDIDATES),
      exam: this.exams[Math.floor(n / CANDIDATES)]!,
      slotId: this.slots[n % this.slots.length]!,
      key: `bench-${n}`,
    }
  }
}

const candidateId = (i: number) => `c${i}`

interface Engine {
  readonly name: DialectName
  /** The URL the server child opens (for PostgreSQL it names the schema). */
  readonly url: string
  readonly database: Database
  drop(): Promise<void>
}

interface HttpFigure {
  readonly requestsPerSecond: number
  readonly total: number
  readonly p50: number
  readonly p99: number
  /** The spread, for the line under the table: p90, p99.9 and the slowest. */
  readonly spread: string
  readonly non2xx: number
  readonly errors: number
  readonly timeouts: number
  readonly statusCodes: string
}

/** One round of the benchmark: the HTTP load, then the raw loop (and on SQLite the same group-committed). */
interface Round {
  readonly http: HttpFigure
  readonly raw: RawFigure
  readonly grouped: RawFigure | null
  /** HTTP over the round's ceiling. */
  readonly ratio: number
}

interface RawFigure {
  readonly perSecond: number
  readonly total: number
  readonly p50: number
  readonly p99: number
  readonly seatsRefused: number
}

export async function runRegistrationsBench(
  options: RegistrationsOptions,
): Promise<TargetResult[]> {
  heading('registrations: POST /v1/registrations beside the raw booking transaction')
  const engines: DialectName[] = ['sqlite']
  if (await postgresAnswers(POSTGRES_URL)) engines.push('postgres')
  else console.log(`  PostgreSQL not reachable at ${redactUrl(POSTGRES_URL)}: SQLite only`)
  const results: TargetResult[] = []
  for (const name of engines) results.push(...(await benchOne(name, options)))
  return results
}

async function benchOne(name: DialectName, options: RegistrationsOptions): Promise<TargetResult[]> {
  heading(`registrations on ${name}`)
  const engine = name === 'sqlite' ? await openSqliteEngine() : await openPostgresEngine()
  try {
    const { db } = engine.database
    const warm = Math.max(1, Math.min(2, Math.round(options.duration / 5)))
    const setupStarted = performance.now()
    // Each round: HTTP, the raw loop, and on SQLite the raw loop group-committed.
    const passes = (name === 'sqlite' ? 3 : 2) * ROUNDS
    const examCount = Math.ceil(
      ((passes * options.duration + ROUNDS * warm + 3) * MAX_RATE) / CANDIDATES,
    )
    const world = await buildWorld(db, name, examCount)
    const sequence = new Sequence(world.exams, world.slots)
    console.log(
      `  set up in ${dec((performance.now() - setupStarted) / 1000)} s: ${int(CANDIDATES)} candidates, ` +
        `${world.exams.length} exams at ${PROVIDER}, 1 centre, ${int(SLOTS)} slots × ${int(CAPACITY)} seats`,
    )

    const server = await startServer(engine.url)
    const rounds: Round[] = []
    let answered = 0
    try {
      const auth = {
        authorization: `Bearer ${world.token}`,
        'content-type': 'application/json',
      }
      await preflight(server.url, auth, sequence)
      console.log(
        `  load: ${CONNECTIONS} connections, ${warm} s warm-up before each round, then ${options.duration} s measured; ` +
          `raw: ${RAW_CONCURRENCY} concurrent transactions${name === 'postgres' ? ` on a pool of ${POOL_MAX} (the server's)` : ' (one SQLite connection: they take turns)'}, ${options.duration} s; ` +
          `${ROUNDS} rounds of each in turn (the server idle while the raw loop runs), the median round judged`,
      )
      let sample: Sample | null = null
      for (let round = 1; round <= ROUNDS; round++) {
        // Warmed again each round: the raw loop before it wrote through another
        // connection, and SQLite drops a connection's page cache when another
        // one has written, so the server would start the round cold, as a
        // server that is the database's only writer never is.
        await loadRegistrations(server.url, auth, sequence, warm)
        const before = sequence.used
        const http = await loadRegistrations(server.url, auth, sequence, options.duration)
        answered += sequence.used - before
        sample ??= await readSample(db)
        const raw = await rawBookings(db, sequence, sample, options.duration, 'own')
        // The API commits concurrent bookings together on SQLite; the same loop so, for comparison.
        const grouped =
          name === 'sqlite'
            ? await rawBookings(db, sequence, sample, options.duration, 'grouped')
            : null
        const ratio = http.requestsPerSecond / (grouped ?? raw).perSecond
        rounds.push({ http, raw, grouped, ratio })
        console.log(
          `  round ${round}: HTTP ${int(http.requestsPerSecond)} req/s (p99 ${ms(http.p99)}), raw ${int(raw.perSecond)} tx/s` +
            (grouped ? `, group-committed ${int(grouped.perSecond)} tx/s` : '') +
            `: ${pct(ratio)}`,
        )
      }
    } finally {
      await server.close()
    }
    // The median round by ratio is shown and judged: a slow spell of the shared machine spoils one round, not the verdict.
    const { http, raw, grouped } = [...rounds].sort((a, b) => a.ratio - b.ratio)[
      Math.floor(ROUNDS / 2)
    ]!
    const p99s = rounds.map((round) => round.http.p99).sort((a, b) => a - b)
    const medianP99 = p99s[Math.floor(ROUNDS / 2)]!

    const check = await checkBookings(db)
    // SQLite's honest ceiling is the raw loop through the same group commit the API uses.
    const ceiling = grouped ?? raw
    const ratio = http.requestsPerSecond / ceiling.perSecond
    const pgbench =
      name === 'postgres' ? await measurePgbench(POSTGRES_URL, options.duration, POOL_MAX) : null
    console.log()
    printTable(
      [
        ['what', 'rate (avg)', 'done', 'p50', 'p99', 'non-2xx', 'errors'],
        [
          `POST /v1/registrations (HTTP, ${CONNECTIONS} conn.)`,
          `${int(http.requestsPerSecond)} req/s`,
          int(http.total),
          ms(http.p50),
          ms(http.p99),
          int(http.non2xx),
          int(http.errors + http.timeouts),
        ],
        [
          `raw booking transaction (Kysely${grouped ? ', each committed alone' : ', ceiling'})`,
          `${int(raw.perSecond)} tx/s`,
          int(raw.total),
          ms(raw.p50),
          ms(raw.p99),
          '—',
          raw.seatsRefused > 0 ? `${int(raw.seatsRefused)} full` : '0',
        ],
        ...(grouped
          ? [
              [
                'same, group-committed as the API does (ceiling)',
                `${int(grouped.perSecond)} tx/s`,
                int(grouped.total),
                ms(grouped.p50),
                ms(grouped.p99),
                '—',
                grouped.seatsRefused > 0 ? `${int(grouped.seatsRefused)} full` : '0',
              ],
            ]
          : []),
        ...(pgbench
          ? [
              [
                `pgbench TPC-B-like, ${pgbench.clients} clients, scale ${pgbench.scale} (database's own ceiling)`,
                `${int(pgbench.tps)} tx/s`,
                '—',
                '—',
                '—',
                '—',
                '—',
              ],
            ]
          : []),
      ],
      'lrrrrrr',
    )
    console.log(`  HTTP latency: ${http.spread}`)
    if (http.non2xx + http.errors + http.timeouts > 0)
      console.log(`  status codes: ${http.statusCodes}`)
    console.log(
      `  stored: ${int(check.registrations)} registrations (bookings handed out: ${int(answered)} over HTTP, ` +
        `${int(rounds.reduce((sum, round) => sum + round.raw.total + (round.grouped?.total ?? 0), 0))} raw), seats booked ${int(check.booked)}, pending mail ${int(check.pendingMail)}` +
        `${check.registrations === check.booked ? ' — seats match' : ' — SEATS DO NOT MATCH'}`,
    )
    console.log(
      `\n  ${name}: HTTP ${int(http.requestsPerSecond)} req/s | raw ${int(raw.perSecond)} tx/s` +
        (grouped
          ? ` | raw group-committed ${int(grouped.perSecond)} tx/s | ratio to it ${pct(ratio)} (to the raw loop committed alone ${pct(http.requestsPerSecond / raw.perSecond)})`
          : ` | ratio ${pct(ratio)}`) +
        (pgbench
          ? ` | pgbench ${int(pgbench.tps)} tx/s: raw loop ${pct(raw.perSecond / pgbench.tps)} of it, HTTP ${pct(http.requestsPerSecond / pgbench.tps)}`
          : '') +
        ` | p99 ${ms(http.p99)}`,
    )

    const failed = rounds.reduce(
      (sum, round) => sum + round.http.non2xx + round.http.errors + round.http.timeouts,
      0,
    )
    const clean = failed === 0 && check.registrations === check.booked
    const results: TargetResult[] = [
      {
        target: `registrations on ${name} ≥ ${pct(REGISTRATIONS_TARGET_RATIO)} of the raw booking tx/s${grouped ? ' (group-committed)' : ''}`,
        figure: `${pct(ratio)} (${int(http.requestsPerSecond)} req/s vs ${int(ceiling.perSecond)} tx/s)${clean ? '' : `, ${int(failed)} failed`}`,
        pass: ratio >= REGISTRATIONS_TARGET_RATIO && clean,
      },
    ]
    if (name === 'sqlite') {
      results.push({
        target: `registrations on sqlite p99 < ${SQLITE_P99_TARGET_MS} ms (median of the rounds)`,
        figure: `p99 ${ms(medianP99)} (rounds ${p99s.map(ms).join(', ')})`,
        pass: medianP99 < SQLITE_P99_TARGET_MS && clean,
      })
    }
    return results
  } finally {
    await engine.drop()
  }
}

async function openSqliteEngine(): Promise<Engine> {
  const dir = mkdtempSync(join(tmpdir(), 'examdesk-bench-reg-'))
  const url = `sqlite:${join(dir, 'bench.db')}`
  return openEngine('sqlite', url, async () => {
    rmSync(dir, { recursive: true, force: true })
  })
}

async function openPostgresEngine(): Promise<Engine> {
  const schema = `bench_${randomUUID().replaceAll('-', '')}`
  await onPostgres(POSTGRES_URL, (client) =>
    client.query(`create schema ${quoteIdentifier(schema)}`),
  )
  // The schema is named in the URL, as an operator would: the server opens it as `serve` does.
  const url = new URL(POSTGRES_URL)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return openEngine('postgres', url.toString(), () =>
    onPostgres(POSTGRES_URL, (client) =>
      client.query(`drop schema if exists ${quoteIdentifier(schema)} cascade`),
    ),
  )
}

async function openEngine(
  name: DialectName,
  url: string,
  remove: () => Promise<void>,
): Promise<Engine> {
  let database: Database
  try {
    // The raw loop checkpoints as the server does, so its ceiling is the server's own arrangement.
    database = await openDatabase(url, { poolMax: POOL_MAX, ...benchDatabaseOptions() })
  } catch (error) {
    await remove()
    throw error
  }
  return {
    name,
    url,
    database,
    async drop() {
      try {
        await database.close()
      } finally {
        await remove()
      }
    },
  }
}

interface World {
  readonly exams: readonly string[]
  readonly slots: readonly string[]
  readonly token: string
}

/**
 * The programme (no demo), `examCount` exams of the general family delivered
 * by one provider, one centre with `SLOTS` slots in the coming weeks, and
 * `CANDIDATES` candidates without history, inserted in batches.
 */
async function buildWorld(db: Kysely<DB>, name: DialectName, examCount: number): Promise<World> {
  const clock = systemClock
  const now = clock.now()
  await migrateOrThrow(db)
  await loadDemo({ db, clock }, false)
  const exams: string[] = []
  for (let k = 0; k < examCount; k++) {
    const exam = await createExam(
      { db, clock },
      { number: `70-${String(500 + k).padStart(3, '0')}`, title: `Benchmark exam ${k}` },
    )
    await addProviderExam(db, PROVIDER, exam.number)
    exams.push(exam.number)
  }
  const slots = Array.from({ length: SLOTS }, (_, k) => `bench-slot-${k}`)
  await db.transaction().execute(async (trx) => {
    await insertBenchCentre(trx, PROVIDER, slots, CAPACITY, now)
    for (let i = 0; i < CANDIDATES; i += 2_000) {
      const rows = []
      for (let j = i; j < Math.min(CANDIDATES, i + 2_000); j++) {
        rows.push(benchCandidateRow(candidateId(j), j, now))
      }
      await trx.insertInto('candidates').values(rows).execute()
    }
  })
  // Fresh statistics, as autovacuum would have by the time a real system has this many rows.
  if (name === 'postgres') await sql`analyze`.execute(db)
  const { token } = await createToken(
    { db, clock },
    { role: 'provider', label: 'bench', providerId: PROVIDER },
  )
  return { exams, slots, token }
}

/** One booking first: it must answer 201, or the load figures would mean nothing. */
async function preflight(
  url: string,
  headers: Record<string, string>,
  sequence: Sequence,
): Promise<void> {
  const booking = sequence.take()!
  const response = await fetch(`${url}/v1/registrations`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': booking.key },
    body: JSON.stringify({
      candidateId: booking.candidateId,
      exam: booking.exam,
      slotId: booking.slotId,
    }),
  })
  const body = await response.text()
  if (response.status !== 201) {
    throw new Error(`POST /v1/registrations answered ${response.status}: ${body}`)
  }
}

async function loadRegistrations(
  url: string,
  headers: Record<string, string>,
  sequence: Sequence,
  duration: number,
): Promise<HttpFigure> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers,
    requests: [
      {
        method: 'POST',
        path: '/v1/registrations',
        setupRequest: (request) => {
          // Past the prepared pairs a booking repeats one (and is refused): see the non-2xx.
          const booking = sequence.take() ?? {
            candidateId: candidateId(0),
            exam: sequence.exams[0]!,
            slotId: sequence.slots[0]!,
            key: `bench-over-${randomUUID()}`,
          }
          return {
            ...request,
            headers: { ...request.headers, 'idempotency-key': booking.key },
            body: JSON.stringify({
              candidateId: booking.candidateId,
              exam: booking.exam,
              slotId: booking.slotId,
            }),
          }
        },
      },
    ],
  })
  const codes = Object.entries(result.statusCodeStats ?? {})
    .map(([code, stat]) => `${code}: ${int(stat.count ?? 0)}`)
    .join(', ')
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    spread: `p90 ${ms(result.latency.p90)}, p99.9 ${ms(result.latency.p99_9)}, max ${ms(result.latency.max)}`,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: codes === '' ? 'none' : codes,
  }
}

/**
 * What a real booking wrote, so that the raw loop writes rows of the same
 * sizes: the mail as the booking stores it (its facts, or its text).
 */
interface Sample {
  readonly mail:
    | { readonly facts: object }
    | {
        readonly subject: string
        readonly bodyText: string
        readonly bodyHtml: string | null
        readonly attachments: readonly MailAttachment[]
      }
  readonly response: unknown
}

async function readSample(db: Kysely<DB>): Promise<Sample> {
  const mail = await db
    .selectFrom('outbox')
    .select(['subject', 'body_text', 'body_html', 'attachments', 'facts'])
    .where('kind', '=', 'registration-confirmed')
    .limit(1)
    .executeTakeFirstOrThrow()
  const key = await db
    .selectFrom('idempotency_keys')
    .select('response')
    .where('status_code', '=', 200)
    .limit(1)
    .executeTakeFirstOrThrow()
  return {
    mail:
      mail.facts === null
        ? {
            subject: mail.subject,
            bodyText: mail.body_text,
            bodyHtml: mail.body_html,
            attachments: JSON.parse(mail.attachments) as MailAttachment[],
          }
        : { facts: JSON.parse(mail.facts) as object },
    response: JSON.parse(key.response),
  }
}

/**
 * The booking's writes and nothing else, in one transaction each, in the
 * order `register` makes them: claim the idempotency key, take the seat,
 * insert the registration, the audit entry and the mail, complete the key.
 * `own`: each transaction commits on its own (the ceiling the targets are
 * judged against); `grouped`: through `runInTransaction`, which on SQLite
 * commits concurrent transactions together as the API does (for comparison).
 */
async function rawBookings(
  db: Kysely<DB>,
  sequence: Sequence,
  sample: Sample,
  duration: number,
  commit: 'own' | 'grouped',
): Promise<RawFigure> {
  const inTransaction = <T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> =>
    commit === 'own' ? db.transaction().execute(work) : runInTransaction(db, work)
  const principalId = `raw-${randomUUID()}`
  const times: number[] = []
  let seatsRefused = 0
  const book = async (booking: NonNullable<ReturnType<Sequence['take']>>) => {
    const now: Instant = Date.now()
    const input = { candidateId: booking.candidateId, exam: booking.exam, slotId: booking.slotId }
    await inTransaction(async (trx) => {
      await claimIdempotencyKey(trx, {
        principalId,
        key: booking.key,
        requestHash: hashRequest('register', input),
        createdAt: now,
      })
      if (!(await takeSeat(trx, booking.slotId))) {
        seatsRefused++
        return
      }
      const id = drawReadableId()
      await insertRegistration(trx, {
        id,
        candidateId: booking.candidateId,
        exam: booking.exam,
        slotId: booking.slotId,
        providerId: PROVIDER,
        status: 'booked',
        channel: 'api',
        bookedBy: principalId,
        bookedByRole: 'provider',
        waiverId: null,
        attemptId: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
        price: null,
        paymentStatus: 'not-required',
        holdExpiresAt: null,
        holdEnded: null,
      })
      await appendAudit(trx, {
        id: uuidv7(),
        at: now,
        actorId: principalId,
        actorRole: 'provider',
        channel: 'api',
        candidateId: booking.candidateId,
        subjectType: 'registration',
        subjectId: id,
        action: 'registered',
        detail: {
          exam: booking.exam,
          slotId: booking.slotId,
          startsAt: formatInstant(now),
          provider: PROVIDER,
          centre: 'bench-centre',
          waiverId: null,
          policy: 'general',
        },
      })
      await enqueueMail(trx, {
        id: uuidv7(),
        dedupeKey: `registration-confirmed:${id}:1`,
        kind: 'registration-confirmed',
        candidateId: booking.candidateId,
        recipient: `candidate-${booking.candidateId}@bench.example`,
        ...sample.mail,
        createdAt: now,
      })
      await completeIdempotencyRecord(trx, principalId, booking.key, 200, sample.response)
    })
  }

  // A short warm-up (statements prepared, connections opened), not counted.
  for (let i = 0; i < 20; i++) {
    const booking = sequence.take()
    if (booking) await book(booking)
  }
  const started = performance.now()
  const end = started + duration * 1000
  let exhausted = false
  const worker = async () => {
    while (performance.now() < end) {
      const booking = sequence.take()
      if (!booking) {
        exhausted = true
        return
      }
      const t = performance.now()
      await book(booking)
      times.push(performance.now() - t)
    }
  }
  await Promise.all(Array.from({ length: RAW_CONCURRENCY }, worker))
  const elapsed = (performance.now() - started) / 1000
  if (exhausted) console.log('  (the raw loop ran out of prepared bookings before its time was up)')
  times.sort((a, b) => a - b)
  return {
    perSecond: times.length / elapsed,
    total: times.length,
    p50: times[Math.floor(times.length * 0.5)] ?? 0,
    p99: times[Math.floor(times.length * 0.99)] ?? 0,
    seatsRefused,
  }
}

async function checkBookings(
  db: Kysely<DB>,
): Promise<{ registrations: number; booked: number; pendingMail: number }> {
  const registrations = await db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .executeTakeFirstOrThrow()
  const booked = await db
    .selectFrom('slots')
    .select((eb) => eb.fn.sum<number | string | bigint>('booked').as('n'))
    .executeTakeFirstOrThrow()
  const pending = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow()
  return {
    registrations: Number(registrations.n),
    booked: Number(booked.n),
    pendingMail: Number(pending.n),
  }
}

/** Starts bench/registrations-server.ts as a child on `url`; `close` stops only that child. */
async function startServer(url: string): Promise<{ url: string; close(): Promise<void> }> {
  const profileDir = process.env.BENCH_CPU_PROF
  const child = spawnServerChild('./registrations-server.js', [url])
  try {
    const info = JSON.parse(await firstLine(child, 60_000)) as { url: string; pid: number }
    console.log(
      `  server child: pid ${child.pid}, ${info.url}${profileDir ? ` (CPU profile to ${profileDir})` : ''}`,
    )
    return { url: info.url, close: () => stopChild(child) }
  } catch (error) {
    await stopChild(child)
    throw error
  }
}
