import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { openDatabase, quoteIdentifier } from '../../src/db/engine/database.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { TEST_POSTGRES_URL } from '../support/postgres-url.js'
import {
  type Answer,
  call as callServer,
  inParallel,
  isRunning,
  type ServerProcess,
  startServer,
  stopServer,
} from '../support/server-process.js'

/**
 * Database faults under load: the real server (`examdesk serve`, a child
 * process) books seats over HTTP on PostgreSQL while the test ends every
 * connection of the server's pool on the database side
 * (`pg_terminate_backend`, as a restart, a failover or a proxy's idle
 * timeout does), several times. Afterwards:
 * - the server is alive and books again;
 * - every answer was a 201 or a problem: 503 DATABASE_UNAVAILABLE with
 *   Retry-After, or a seat refusal (there are fewer seats than candidates);
 * - every 201's registration is stored; a 503 left nothing half-done: sent
 *   again with its key it is answered 201 or refused, and the registrations
 *   stored are exactly those answered 201;
 * - each slot's booked seats equal its live registrations, each
 *   registration has its one confirmation mail, and no key is left claimed
 *   without an answer.
 * Where the faults land (between statements, mid-commit, on an idle
 * connection) changes which path a request takes, never these outcomes.
 */

const CANDIDATES = 160
const CONCURRENCY = 16
const SLOTS = 4
const SEATS_PER_SLOT = 30
/** Faults: every backend of the server's pool is ended once this many answers came since the last. */
const FAULT_EVERY = 25
const FAULTS = 4
const ADMIN_TOKEN = `exd_faults_${randomUUID().replaceAll('-', '')}`
const EXAM = '070-620'
const ALLOWED_REFUSALS = new Set(['DATABASE_UNAVAILABLE', 'SEAT_UNAVAILABLE'])

interface Booking {
  readonly key: string
  readonly input: { readonly candidateId: string; readonly exam: string; readonly slotId: string }
  first?: Answer
  retried?: Answer
}

async function adminQuery(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await client.connect()
  try {
    return await client.query(text, values)
  } finally {
    await client.end()
  }
}

/** Ends every connection the server's pool holds; returns how many there were. */
async function terminateServerBackends(applicationName: string): Promise<number> {
  // Right after a fault, the server may not have opened new connections yet:
  // a fault waits (a bounded while) until there are some to end.
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows } = await adminQuery(
      `select pg_terminate_backend(pid) as ended from pg_stat_activity
        where datname = current_database() and application_name = $1 and pid <> pg_backend_pid()`,
      [applicationName],
    )
    if (rows.length > 0) return rows.length
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return 0
}

function expectProblemAnswer(answer: Answer, what: string): string {
  expect(answer.headers.get('content-type'), what).toMatch(/^application\/problem\+json/)
  const code = String(answer.body.code)
  expect(ALLOWED_REFUSALS, `${what}: ${JSON.stringify(answer.body)}`).toContain(code)
  if (code === 'DATABASE_UNAVAILABLE') {
    expect(answer.status, what).toBe(503)
    expect(answer.headers.get('retry-after'), what).toMatch(/^\d+$/)
  } else {
    expect(answer.status, what).toBe(409)
  }
  return code
}

const reachable = inject('postgres')?.reachable ?? true

describe.runIf(reachable)('database faults on PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {})
    cleanups.length = 0
  })

  it('survives its connections being ended under load: answered writes kept, failed ones not half-done', {
    timeout: 120_000,
  }, async () => {
    const schema = `faults_${randomUUID().replaceAll('-', '')}`
    await adminQuery(`create schema ${quoteIdentifier(schema)}`)
    cleanups.push(async () => {
      await adminQuery(`drop schema if exists ${quoteIdentifier(schema)} cascade`)
    })
    // The server's connections carry the schema's name, so the faults end its connections only.
    const url = new URL(TEST_POSTGRES_URL)
    url.searchParams.set('options', `-c search_path=${schema}`)
    url.searchParams.set('application_name', schema)
    const mailDir = await mkdtemp(join(tmpdir(), 'examdesk-faults-mail-'))
    cleanups.push(() => rm(mailDir, { recursive: true, force: true }))
    const env = {
      DATABASE_URL: url.toString(),
      EXAMDESK_ADMIN_TOKEN: ADMIN_TOKEN,
      EXAMDESK_DEMO: '0',
      MAIL_DIR: mailDir,
    }
    const server: ServerProcess = await startServer(env, 'faults')
    cleanups.push(() => stopServer(server.child))
    const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
      callServer(server, ADMIN_TOKEN, method, path, body, headers)

    const database = await openDatabase(TEST_POSTGRES_URL, {
      searchPath: schema,
      poolMax: 2,
      applicationName: `${schema}-checks`,
    })
    cleanups.push(() => database.close())
    const { db } = database

    expect(
      (await call('POST', '/v1/exams', { number: '70-620', title: 'Faults exam' })).status,
    ).toBe(201)
    await deliver(db, 'prometric', [EXAM])
    const centre = await createCentre(db)
    const inAMonth = Date.now() + 30 * 24 * 3_600_000
    const slots: string[] = []
    for (let k = 0; k < SLOTS; k++)
      slots.push(await createSlot(db, centre, inAMonth + k * 3_600_000, SEATS_PER_SLOT))
    const candidates: string[] = Array(CANDIDATES + 1)
    await inParallel(
      Array.from({ length: CANDIDATES + 1 }, (_, i) => i),
      16,
      async (i) => {
        const created = await call('POST', '/v1/candidates', {
          firstName: 'Fault',
          lastName: `Candidate ${i}`,
          email: `fault-${i}@example.com`,
          country: 'NZ',
          timeZone: 'Pacific/Auckland',
        })
        expect(created.status, JSON.stringify(created.body)).toBe(201)
        candidates[i] = created.body.id as string
      },
    )
    const latecomer = candidates.pop()!
    const bookings: Booking[] = candidates.map((candidateId, index) => ({
      key: `fault-${index}-${randomUUID()}`,
      input: { candidateId, exam: '70-620', slotId: slots[index % SLOTS]! },
    }))
    const book = (booking: Booking) =>
      call('POST', '/v1/registrations', booking.input, { 'idempotency-key': booking.key })

    // The load, with the faults in it: each after another FAULT_EVERY answers.
    let answered = 0
    const faults: Promise<number>[] = []
    await inParallel(bookings, CONCURRENCY, async (booking) => {
      booking.first = await book(booking)
      answered++
      if (answered % FAULT_EVERY === 0 && faults.length < FAULTS)
        faults.push(terminateServerBackends(schema))
    })
    const ended = await Promise.all(faults)
    expect(ended).toHaveLength(FAULTS)
    // Each fault found the pool's connections open, so it ended some.
    for (const count of ended) expect(count).toBeGreaterThan(0)
    expect(isRunning(server.child), server.output()).toBe(true)

    const codes = new Map<string, number>()
    for (const booking of bookings) {
      const answer = booking.first!
      if (answer.status === 201) continue
      const code = expectProblemAnswer(answer, `first answer to ${booking.key}`)
      codes.set(code, (codes.get(code) ?? 0) + 1)
    }
    const unavailable = bookings.filter((b) => b.first!.status === 503)
    console.log(
      `  ${FAULTS} faults ended ${ended.join(', ')} connections; answers: ` +
        `${bookings.filter((b) => b.first!.status === 201).length} × 201, ${JSON.stringify([...codes])}`,
    )

    // Serving again: a new booking succeeds within a bounded number of tries.
    let after: Answer | undefined
    for (let attempt = 0; attempt < 20; attempt++) {
      after = await call(
        'POST',
        '/v1/registrations',
        { candidateId: latecomer, exam: '70-620', slotId: slots[0]! },
        { 'idempotency-key': `fault-latecomer-${attempt}` },
      )
      if (after.status !== 503) break
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    // The first slot may be full by now: a seat refusal is a served request too.
    expect([201, 409], JSON.stringify(after!.body)).toContain(after!.status)
    expect((await call('GET', '/healthz')).body).toEqual({ status: 'ok' })
    // What an operator sees: the connections lost and replaced, and each 503 counted by its code.
    const metrics = await fetch(`${server.url}/metrics`).then((response) => response.text())
    const lost = /^examdesk_db_connections_lost_total (\d+)$/m.exec(metrics)
    // No more losses than backends ended: a loss pg reports twice is counted once.
    expect(Number(lost?.[1])).toBeGreaterThan(0)
    expect(Number(lost?.[1])).toBeLessThanOrEqual(ended.reduce((sum, count) => sum + count, 0))
    const refused =
      /^examdesk_registration_refusals_total\{code="DATABASE_UNAVAILABLE"\} (\d+)$/m.exec(metrics)
    expect(Number(refused?.[1] ?? 0)).toBeGreaterThanOrEqual(unavailable.length)

    // Each booking that met a fault, sent again with its key: done once, or refused; never half.
    await inParallel(unavailable, 8, async (booking) => {
      booking.retried = await book(booking)
      if (booking.retried.status !== 201)
        expect(expectProblemAnswer(booking.retried, `retry of ${booking.key}`)).toBe(
          'SEAT_UNAVAILABLE',
        )
    })

    const answeredIds = new Set<string>()
    for (const booking of bookings) {
      for (const answer of [booking.first, booking.retried]) {
        if (answer?.status === 201) answeredIds.add(answer.body.id as string)
      }
    }
    if (after!.status === 201) answeredIds.add(after!.body.id as string)
    const stored = await db
      .selectFrom('registrations')
      .select(['id', 'slot_id', 'status'])
      .execute()
    expect(new Set(stored.map((r) => r.id))).toEqual(answeredIds)
    expect(stored.every((r) => r.status === 'booked')).toBe(true)
    for (const slotId of slots) {
      const { booked } = await db
        .selectFrom('slots')
        .select('booked')
        .where('id', '=', slotId)
        .executeTakeFirstOrThrow()
      expect(Number(booked), slotId).toBe(stored.filter((r) => r.slot_id === slotId).length)
    }
    const mails = await db
      .selectFrom('outbox')
      .select(({ fn }) => fn.countAll<string>().as('count'))
      .where('kind', '=', 'registration-confirmed')
      .executeTakeFirstOrThrow()
    expect(Number(mails.count)).toBe(stored.length)
    const unanswered = await db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('status_code', '=', 0)
      .execute()
    expect(unanswered).toEqual([])

    await stopServer(server.child)
    expect(server.child.exitCode, server.output()).toBe(0)
  })
})
