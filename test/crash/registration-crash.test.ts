import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, inject, it } from 'vitest'
import type { DialectName } from '../../src/db/engine/dialect.js'
import { computeMessageId } from '../../src/mail/message-id.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import {
  type Answer,
  call as callServer,
  exited,
  inParallel,
  newAdminToken,
  postgresStore,
  type ServerProcess,
  type SharedStore,
  sqliteStore,
  startServer,
  stopServer,
  waitFor,
} from '../support/server-process.js'
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
const ADMIN_TOKEN = newAdminToken('crash')
const EXAM = '070-620'
const DRAIN_TIMEOUT_MS = 45_000

const call = (
  server: ServerProcess,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => callServer(server, ADMIN_TOKEN, method, path, body, headers)

function startCrashServer(databaseUrl: string, smtpUrl: string): Promise<ServerProcess> {
  const env = {
    DATABASE_URL: databaseUrl,
    EXAMDESK_ADMIN_TOKEN: ADMIN_TOKEN,
    EXAMDESK_DEMO: '0',
    SMTP_URL: smtpUrl,
  }
  return startServer(env, 'crash')
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
const engines: { name: DialectName; store: () => Promise<SharedStore> }[] = [
  { name: 'sqlite', store: sqliteStore },
  ...(reachable ? [{ name: 'postgres' as const, store: () => postgresStore('crash') }] : []),
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

    let server = await startCrashServer(store.url, smtpUrl)
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
    await inParallel(
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
    const book = (target: ServerProcess, booking: Booking) =>
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
      await inParallel(bookings, CONNECTIONS, async (booking) => {
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

    server = await startCrashServer(store.url, smtpUrl)
    const restarted = server

    // Every request without an answer, again with its own key.
    const retried: Answer[] = []
    await inParallel(unanswered, 20, async (booking) => {
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
