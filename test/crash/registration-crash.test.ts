import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { type Database, openDatabase, quoteIdentifier } from '../../src/db/database.js'
import type { DialectName } from '../../src/db/dialect.js'
import { computeMessageId } from '../../src/mail/message-id.js'
import { REPO_ROOT } from '../cli/run-cli.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { TEST_POSTGRES_URL } from '../support/postgres-url.js'
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js'

/**
 * Crash: the real server (`examdesk serve`, a child process) is killed with
 * SIGKILL while registrations pour in and its outbox worker sends mail to an
 * SMTP sink. After a restart on the same database, and a retry of every
 * request that got no answer with its same Idempotency-Key:
 * - every registration answered 201 before the crash exists;
 * - no retry books twice (each is a 201: the stored first answer or a fresh booking);
 * - each slot's booked seats equal its live registrations;
 * - each registration's confirmation reaches the sink, once after dropping
 *   copies by Message-ID; a copy exists only for a mail claimed more than once.
 *
 * The assertions are about outcomes, never about timing: where the kill lands
 * (mid-transaction, mid-SMTP, between the two) changes only which path each
 * request takes, and every path must end in the same state.
 */

const REQUESTS = 600
const CONNECTIONS = 50
const SLOTS = 6
const SEATS_PER_SLOT = 250
const ADMIN_TOKEN = `exd_crash_${randomUUID().replaceAll('-', '')}`
const EXAM = '070-620'
const START_TIMEOUT_MS = 45_000
const DRAIN_TIMEOUT_MS = 45_000

interface Store {
  readonly url: string
  /** The test's own connection to the same database, for set-up and checks. */
  open(): Promise<Database>
  remove(): Promise<void>
}

async function sqliteStore(): Promise<Store> {
  const dir = await mkdtemp(join(tmpdir(), 'examdesk-crash-'))
  const url = `sqlite:${join(dir, 'examdesk.db')}`
  return {
    url,
    open: () => openDatabase(url),
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}

async function postgresStore(): Promise<Store> {
  const schema = `crash_${randomUUID().replaceAll('-', '')}`
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }
  await admin(`create schema ${quoteIdentifier(schema)}`)
  // The server works in the schema the URL names, as test/cli/cli-postgres.test.ts does.
  const url = new URL(TEST_POSTGRES_URL)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    open: () => openDatabase(TEST_POSTGRES_URL, { searchPath: schema, poolMax: 2 }),
    remove: () => admin(`drop schema if exists ${quoteIdentifier(schema)} cascade`),
  }
}

interface Server {
  readonly url: string
  readonly child: ChildProcess
  /** Everything it printed, for failure messages. */
  readonly output: () => string
}

/**
 * Starts `examdesk serve` and waits for the line with its address. On
 * PostgreSQL, Kysely's migrator reads the catalogue of every schema in the
 * database at start-up, and fails ("schema … does not exist") when another
 * test drops its own schema at that moment: such a start is tried again.
 */
async function startServer(databaseUrl: string, smtpUrl: string): Promise<Server> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce(databaseUrl, smtpUrl)
    } catch (error) {
      const foreignSchemaGone = /schema "(?!crash_)[^"]+" does not exist/.test(String(error))
      if (!foreignSchemaGone || attempt >= 3) throw error
    }
  }
}

function startServerOnce(databaseUrl: string, smtpUrl: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_NO_WARNINGS: '1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      EXAMDESK_ADMIN_TOKEN: ADMIN_TOKEN,
      EXAMDESK_DEMO: '0',
      SMTP_URL: smtpUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`examdesk serve did not start within ${START_TIMEOUT_MS} ms:\n${output}`))
    }, START_TIMEOUT_MS)
    const onData = () => {
      const found = /examdesk is listening on (http:\/\/\S+)/.exec(output)
      if (!found?.[1]) return
      clearTimeout(timer)
      child.stdout.off('data', onData)
      child.off('exit', onExit)
      resolve({ url: found[1], child, output: () => output })
    }
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer)
      reject(new Error(`examdesk serve exited (${code ?? signal}) before listening:\n${output}`))
    }
    child.stdout.on('data', onData)
    child.once('exit', onExit)
  })
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

/** SIGTERM to our child (by its pid), SIGKILL if it lingers. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const gone = exited(child)
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await gone
  clearTimeout(timer)
}

interface Answer {
  readonly status: number
  readonly body: Record<string, unknown>
  readonly replayed: boolean
}

async function call(
  server: Server,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  })
  // Reading the whole body is part of the answer: a connection cut mid-body is no answer.
  const text = await response.text()
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    replayed: response.headers.get('idempotent-replayed') === 'true',
  }
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!)
    }),
  )
}

async function waitFor(what: string, timeoutMs: number, done: () => Promise<boolean>) {
  const deadline = Date.now() + timeoutMs
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

interface Booking {
  readonly index: number
  readonly key: string
  readonly input: { readonly candidateId: string; readonly exam: string; readonly slotId: string }
  /** The 201 answer, once one came. */
  answer?: Answer
  /** Any other answer before the crash (none is expected). */
  refused?: Answer
}

const reachable = inject('postgres')?.reachable ?? true
const engines: { name: DialectName; store: () => Promise<Store> }[] = [
  { name: 'sqlite', store: sqliteStore },
  ...(reachable ? [{ name: 'postgres' as const, store: postgresStore }] : []),
]

describe.each(engines)('crash during registrations on $name', ({ store: makeStore }) => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {})
    cleanups.length = 0
  })

  it('keeps every answered booking, books nothing twice, and mails each once after dedupe', {
    timeout: 150_000,
  }, async () => {
    const sink: SmtpSink = await startSmtpSink()
    cleanups.push(() => sink.close())
    // A pooled SMTP connection: the sink (smtp-server) waits 100 ms before it greets each
    // new connection, so one connection a mail would deliver at most 10 mails a second.
    const smtpUrl = `${sink.url}?pool=true`
    const store = await makeStore()
    cleanups.push(() => store.remove())

    let server = await startServer(store.url, smtpUrl)
    cleanups.push(() => stopServer(server.child))
    const database = await store.open()
    cleanups.push(() => database.close())
    const { db } = database

    // The exam and the candidates through the API; where and when through the database.
    expect(
      (await call(server, 'POST', '/v1/exams', { number: '70-620', title: 'Crash exam' })).status,
    ).toBe(201)
    await deliver(db, 'prometric', [EXAM])
    const centre = await createCentre(db)
    const inAMonth = Date.now() + 30 * 24 * 3_600_000
    const slots: string[] = []
    for (let k = 0; k < SLOTS; k++)
      slots.push(await createSlot(db, centre, inAMonth + k * 3_600_000, SEATS_PER_SLOT))
    const candidates: string[] = Array(REQUESTS)
    await pool(
      Array.from({ length: REQUESTS }, (_, i) => i),
      25,
      async (i) => {
        const created = await call(server, 'POST', '/v1/candidates', {
          firstName: 'Crash',
          lastName: `Candidate ${i}`,
          email: `crash-${i}@example.com`,
          country: 'NZ',
          timeZone: 'Pacific/Auckland',
        })
        expect(created.status, JSON.stringify(created.body)).toBe(201)
        candidates[i] = created.body.id as string
      },
    )
    const bookings: Booking[] = candidates.map((candidateId, index) => ({
      index,
      key: `crash-${index}-${randomUUID()}`,
      input: { candidateId, exam: '70-620', slotId: slots[index % SLOTS]! },
    }))
    const book = (target: Server, booking: Booking) =>
      call(target, 'POST', '/v1/registrations', booking.input, {
        'idempotency-key': booking.key,
      })

    // The load, and the kill in the middle of it: once a third is answered and
    // the worker has sent mail, so that requests, transactions and SMTP
    // sessions are all under way; or else once most are answered (on SQLite
    // the worker gets no mail out while the bookings pour in).
    let killed = false
    let atKill = ''
    const victim = server
    const gone = exited(victim.child)
    const killIfDue = () => {
      const answered = bookings.filter((b) => b.answer).length
      const due =
        (answered >= REQUESTS / 3 && sink.received.length > 0) || answered >= REQUESTS * 0.85
      if (!killed && due) {
        killed = true
        atKill = `${answered} answered, ${sink.received.length} mails at the sink`
        victim.child.kill('SIGKILL')
      }
    }
    const watcher = setInterval(killIfDue, 5)
    try {
      await pool(bookings, CONNECTIONS, async (booking) => {
        if (killed) return
        try {
          const answer = await book(victim, booking)
          if (answer.status === 201) booking.answer = answer
          else booking.refused = answer
        } catch {
          // No answer: the server died with the request in flight. Retried below.
        }
        killIfDue()
      })
    } finally {
      clearInterval(watcher)
    }
    if (!killed) {
      atKill = `after all ${REQUESTS} were sent`
      killed = true
      victim.child.kill('SIGKILL')
    }
    await gone
    expect(victim.child.signalCode).toBe('SIGKILL')
    expect(bookings.filter((b) => b.refused).map((b) => b.refused)).toEqual([])
    const answeredBefore = bookings.filter((b) => b.answer)
    const unanswered = bookings.filter((b) => !b.answer)
    console.log(
      `  killed at ${atKill}; ${answeredBefore.length} answered 201, ${unanswered.length} without an answer`,
    )

    // The dead worker's claims hold its mail for 5 minutes; let that time pass.
    await db
      .updateTable('outbox')
      .set({ claimed_until: null })
      .where('status', '=', 'pending')
      .execute()

    server = await startServer(store.url, smtpUrl)
    const restarted = server

    // Every request without an answer, again with its own key.
    const retried: Answer[] = []
    await pool(unanswered, 20, async (booking) => {
      const answer = await book(restarted, booking)
      expect(answer.status, JSON.stringify(answer.body)).toBe(201)
      booking.answer = answer
      retried.push(answer)
    })
    console.log(
      `  after restart: ${retried.filter((a) => a.replayed).length} retries answered from the stored first answer, ` +
        `${retried.filter((a) => !a.replayed).length} booked now`,
    )

    // The outbox drains (no fixed sleep: poll the admin API, bounded).
    const drainStarted = Date.now()
    await waitFor('the outbox to drain', DRAIN_TIMEOUT_MS, async () => {
      const pending = await call(restarted, 'GET', '/v1/admin/mail?status=pending&limit=1')
      return pending.status === 200 && pending.body.total === 0
    }).catch(async (error: Error) => {
      const states = await db
        .selectFrom('outbox')
        .select(['status', 'tries', 'last_error', 'available_at', 'claimed_until'])
        .execute()
      const summary = new Map<string, number>()
      for (const m of states) {
        const key = `${m.status} tries=${m.tries} error=${m.last_error ?? '-'}`
        summary.set(key, (summary.get(key) ?? 0) + 1)
      }
      throw new Error(
        `${error.message}; outbox: ${JSON.stringify([...summary])}; sink has ${sink.received.length}\n${restarted.output()}`,
      )
    })
    console.log(`  outbox drained in ${Date.now() - drainStarted} ms after the retries`)
    const failedMail = await call(restarted, 'GET', '/v1/admin/mail?status=failed')
    expect(failedMail.body.total).toBe(0)

    // Every registration answered 201 before the crash exists, as answered.
    for (const booking of answeredBefore) {
      const id = booking.answer!.body.id as string
      const read = await call(restarted, 'GET', `/v1/registrations/${id}`)
      expect(read.status, `${id}: ${JSON.stringify(read.body)}`).toBe(200)
      expect(read.body.registration).toMatchObject({
        id,
        candidateId: booking.input.candidateId,
        slotId: booking.input.slotId,
        status: 'booked',
      })
    }

    await stopServer(restarted.child)
    expect(restarted.child.exitCode, restarted.output()).toBe(0)

    // One registration per request: the ids answered are the ids stored.
    const registrations = await db
      .selectFrom('registrations')
      .innerJoin('candidates', 'candidates.id', 'registrations.candidate_id')
      .select([
        'registrations.id',
        'registrations.candidate_id',
        'registrations.slot_id',
        'registrations.status',
        'candidates.email',
      ])
      .execute()
    expect(registrations).toHaveLength(REQUESTS)
    expect(new Set(registrations.map((r) => r.candidate_id)).size).toBe(REQUESTS)
    expect(new Set(registrations.map((r) => r.id))).toEqual(
      new Set(bookings.map((b) => b.answer!.body.id as string)),
    )
    expect(registrations.every((r) => r.status === 'booked')).toBe(true)

    // Seats: each slot counts exactly its live registrations.
    const seats = await db.selectFrom('slots').select(['id', 'booked']).execute()
    for (const slot of seats) {
      const live = registrations.filter((r) => r.slot_id === slot.id).length
      expect({ slot: slot.id, booked: Number(slot.booked) }).toEqual({
        slot: slot.id,
        booked: live,
      })
    }

    // Mail: one confirmation per registration in the outbox, all sent.
    const outbox = await db
      .selectFrom('outbox')
      .select(['dedupe_key', 'status', 'tries', 'recipient'])
      .execute()
    const expectedKeys = registrations.map((r) => `registration-confirmed:${r.id}:1`)
    expect(outbox.map((m) => m.dedupe_key).sort()).toEqual([...expectedKeys].sort())
    expect(outbox.filter((m) => m.status !== 'sent')).toEqual([])

    // At the sink: after dropping copies by Message-ID, exactly one per registration,
    // to its candidate; a copy only of a mail that was claimed more than once.
    const byMessageId = new Map<string, number>()
    const recipientOf = new Map<string, string[]>()
    for (const mail of sink.received) {
      const id = mail.parsed.messageId ?? '(none)'
      const bracketed = id.startsWith('<') ? id : `<${id}>`
      byMessageId.set(bracketed, (byMessageId.get(bracketed) ?? 0) + 1)
      recipientOf.set(bracketed, [...mail.envelope.to])
    }
    const expectedIds = new Map(
      registrations.map((r) => [computeMessageId(`registration-confirmed:${r.id}:1`), r.email]),
    )
    expect(new Set(byMessageId.keys())).toEqual(new Set(expectedIds.keys()))
    for (const [id, email] of expectedIds) expect(recipientOf.get(id)).toEqual([email])
    const triesOf = new Map(outbox.map((m) => [computeMessageId(m.dedupe_key), Number(m.tries)]))
    const copies = [...byMessageId].filter(([, count]) => count > 1)
    for (const [id, count] of copies) expect(triesOf.get(id) ?? 0).toBeGreaterThanOrEqual(count)
    console.log(
      `  sink: ${sink.received.length} mails received, ${byMessageId.size} distinct Message-IDs, ` +
        `${copies.length} sent more than once (at-least-once redelivery after the crash)`,
    )
  })
})
