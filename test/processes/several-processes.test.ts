import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createToken, hashToken } from '../../src/app/access/api-tokens.js'
import { systemClock } from '../../src/app/clock.js'
import { newVoucher } from '../../src/app/vouchers/new-voucher.js'
import { findTokenByHash } from '../../src/db/access/api-tokens.js'
import type { Database } from '../../src/db/engine/database.js'
import { insertVoucher } from '../../src/db/vouchers/vouchers.js'
import { buildDemoCatalogue } from '../../src/demo/demo-catalogue.js'
import { STUDY_BOOK_DISCOUNT } from '../../src/demo/demo-offers.js'
import { formatVoucherCode } from '../../src/domain/voucher-code.js'
import { computeMessageId } from '../../src/mail/message-id.js'
import { bookedSeats, createCentre, createSlot, deliver } from '../factories/appointments.js'
import {
  type Answer,
  call,
  inParallel,
  newAdminToken,
  postgresStore,
  type ServerProcess,
  type SharedStore,
  startServer,
  stopServer,
  waitFor,
} from '../support/server-process.js'
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js'

/**
 * Several processes on one PostgreSQL, the deployment ARCHITECTURE.md
 * promises: three real `examdesk serve` processes started at the same moment
 * on an empty schema, with requests spread across them. Every assertion is
 * about outcomes (counts in the database, answers, mail at an SMTP sink).
 */

const PROCESSES = 3
const ADMIN_TOKEN = newAdminToken('processes')
const DAY_MS = 86_400_000

const reachable = inject('postgres')?.reachable ?? true
if (!reachable) {
  console.log('  several processes: skipped, they need PostgreSQL (none answered)')
}

describe.runIf(reachable)('three server processes on one PostgreSQL', () => {
  let store: SharedStore
  let database: Database
  let sink: SmtpSink
  let servers: ServerProcess[] = []
  const admin = (i: number, method: string, path: string, body?: unknown, key?: string) =>
    call(
      servers[i % PROCESSES]!,
      ADMIN_TOKEN,
      method,
      path,
      body,
      key === undefined ? {} : { 'idempotency-key': key },
    )

  beforeAll(async () => {
    sink = await startSmtpSink()
    store = await postgresStore('processes')
    const env = {
      DATABASE_URL: store.url,
      EXAMDESK_ADMIN_TOKEN: ADMIN_TOKEN,
      EXAMDESK_DEMO: '0',
      // A pooled SMTP connection: the sink greets each new connection after 100 ms.
      SMTP_URL: `${sink.url}?pool=true`,
    }
    // At the same moment, on an empty schema: migrations and the programme's
    // installation must happen once while the others wait, not race.
    const started = await Promise.allSettled(
      Array.from({ length: PROCESSES }, () => startServer(env, 'processes')),
    )
    servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
    const failures = started.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []))
    expect(failures).toEqual([])
    database = await store.open()
  }, 180_000)

  afterAll(async () => {
    await Promise.all(servers.map((server) => stopServer(server.child)))
    await database?.close()
    await store?.remove()
    await sink?.close()
  })

  it('starts all three at once and installs the programme exactly once', async () => {
    const { db } = database
    const programme = buildDemoCatalogue(Date.now())
    const policies = await db
      .selectFrom('policy_versions')
      .select(['policy_id', 'version'])
      .execute()
    expect(policies).toHaveLength(programme.policyVersions.length)
    const families = await db.selectFrom('exam_families').select('id').execute()
    expect(families).toHaveLength(programme.families.length)
    const tokens = await db.selectFrom('api_tokens').select('id').execute()
    expect(tokens).toHaveLength(1)
    for (let i = 0; i < PROCESSES; i++) expect((await admin(i, 'GET', '/healthz')).status).toBe(200)
  })

  it('books exactly 50 of 200 concurrent requests for 50 seats, spread over the three', async () => {
    const { db } = database
    const exam = await newExam(0, '70-620')
    const centre = await createCentre(db)
    const slot = await createSlot(db, centre, Date.now() + 30 * DAY_MS, 50)
    const candidates = await newCandidates(200)
    const answers: Answer[] = []
    await inParallel(candidates, 50, async (candidateId, i) => {
      answers[i] = await admin(
        i,
        'POST',
        '/v1/registrations',
        { candidateId, exam, slotId: slot },
        `seat-${randomUUID()}`,
      )
    })
    const booked = answers.filter((a) => a.status === 201)
    expect(booked).toHaveLength(50)
    expect(new Set(answers.filter((a) => a.status !== 201).map((a) => a.body.code))).toEqual(
      new Set(['SEAT_UNAVAILABLE']),
    )
    expect(await bookedSeats(db, slot)).toBe(50)
    const stored = await db
      .selectFrom('registrations')
      .select('id')
      .where('slot_id', '=', slot)
      .execute()
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(booked.map((a) => a.body.id)))

    // Every confirmation reaches the sink exactly once, though three outbox workers run.
    const expected = new Set(
      stored.map((r) => computeMessageId(`registration-confirmed:${r.id}:1`)),
    )
    await waitFor('the confirmations to arrive', 60_000, async () =>
      [...expected].every((id) => messageIdsAtSink().includes(id)),
    )
    const confirmations = messageIdsAtSink().filter((id) => expected.has(id))
    expect(confirmations.sort()).toEqual([...expected].sort())
    const sent = await db
      .selectFrom('outbox')
      .select(['dedupe_key', 'tries'])
      .where('status', '=', 'sent')
      .execute()
    expect(sent.filter((m) => m.dedupe_key.startsWith('registration-confirmed:'))).toHaveLength(50)
  })

  it("lets one of a candidate's 20 concurrent registrations for one exam through", async () => {
    const { db } = database
    const exam = await newExam(1, '70-621')
    const centre = await createCentre(db)
    const slots: string[] = []
    for (let k = 0; k < 20; k++)
      slots.push(await createSlot(db, centre, Date.now() + (30 + k) * DAY_MS, 5))
    const [candidateId] = await newCandidates(1)
    const answers = await Promise.all(
      slots.map((slotId, i) =>
        admin(i, 'POST', '/v1/registrations', { candidateId, exam, slotId }, `one-${i}`),
      ),
    )
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1)
    expect(new Set(answers.filter((a) => a.status !== 201).map((a) => a.body.code))).toEqual(
      new Set(['ALREADY_REGISTERED']),
    )
    const live = await db
      .selectFrom('registrations')
      .select('id')
      .where('candidate_id', '=', candidateId!)
      .execute()
    expect(live).toHaveLength(1)
  })

  it('answers one Idempotency-Key sent ten times to different processes with one registration', async () => {
    const { db } = database
    const exam = await newExam(2, '70-622')
    const centre = await createCentre(db)
    const slot = await createSlot(db, centre, Date.now() + 30 * DAY_MS, 10)
    const [candidateId] = await newCandidates(1)
    const key = `retry-${randomUUID()}`
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        admin(i, 'POST', '/v1/registrations', { candidateId, exam, slotId: slot }, key),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201))
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1)
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1)
    expect(await bookedSeats(db, slot)).toBe(1)
  })

  it('lets a single-use code be used once by 20 concurrent bookings across the processes', async () => {
    const { db } = database
    const exam = await newExam(0, '70-623')
    const priced = await admin(1, 'PUT', `/v1/exams/${exam}/pricing`, {
      priceClass: 'regular',
      prices: [{ currency: 'USD', cents: 16_500 }],
    })
    expect(priced.status, JSON.stringify(priced.body)).toBe(200)
    const centre = await createCentre(db)
    const slot = await createSlot(db, centre, Date.now() + 30 * DAY_MS, 50)
    const voucher = newVoucher(
      STUDY_BOOK_DISCOUNT,
      { candidateId: null, issuedBy: 'test' },
      Date.now(),
    )
    await insertVoucher(db, voucher)
    const voucherCode = formatVoucherCode(voucher.code)
    const candidates = await newCandidates(20)
    const answers = await Promise.all(
      candidates.map((candidateId, i) =>
        admin(
          i,
          'POST',
          '/v1/registrations',
          { candidateId, exam, slotId: slot, voucherCode, payment: { method: 'card' } },
          `code-${i}`,
        ),
      ),
    )
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1)
    expect(new Set(answers.filter((a) => a.status !== 201).map((a) => a.body.code))).toEqual(
      new Set(['CODE_ALREADY_USED']),
    )
    const uses = await db.selectFrom('voucher_uses').select('registration_id').execute()
    expect(uses).toHaveLength(1)
  })

  it('shows a booking and a result made through one process at once on the others', async () => {
    const { db } = database
    const exam = await newExam(0, '70-624')
    const centre = await createCentre(db)
    const slot = await createSlot(db, centre, Date.now() + 2 * DAY_MS, 5)
    const [candidateId] = await newCandidates(1)
    // Asked on the other two first, so that each has the answers remembered if it could.
    for (const i of [1, 2]) {
      const eligibility = await admin(
        i,
        'GET',
        `/v1/candidates/${candidateId}/eligibility?exam=${exam}`,
      )
      expect(eligibility.body).toMatchObject({ eligible: true })
      expect(
        (await admin(i, 'GET', `/v1/candidates/${candidateId}/registrations`)).body,
      ).toMatchObject({ items: [] })
    }
    const booked = await admin(
      0,
      'POST',
      '/v1/registrations',
      { candidateId, exam, slotId: slot },
      'e1',
    )
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    const attempt = await admin(0, 'POST', '/v1/attempts', {
      candidateId,
      exam,
      takenAt: new Date(Date.now() - 60_000).toISOString(),
      outcome: 'fail',
      provider: 'pearson-vue',
    })
    expect(attempt.status, JSON.stringify(attempt.body)).toBe(201)
    for (const i of [1, 2]) {
      const registrations = await admin(i, 'GET', `/v1/candidates/${candidateId}/registrations`)
      expect(registrations.body).toMatchObject({ items: [{ id: booked.body.id }] })
      const eligibility = await admin(
        i,
        'GET',
        `/v1/candidates/${candidateId}/eligibility?exam=${exam}`,
      )
      expect(eligibility.body).toMatchObject({ eligible: false, code: 'RETAKE_TOO_SOON' })
    }
  })

  it('stops a token revoked through one process on every process at once', async () => {
    const { db } = database
    const made = await createToken({ db, clock: systemClock }, { role: 'support', label: 'desk' })
    const asSupport = (i: number) => call(servers[i]!, made.token, 'GET', '/v1/providers')
    // Every process has seen (and remembers) the token before it is revoked.
    for (let i = 0; i < PROCESSES; i++) expect((await asSupport(i)).status).toBe(200)
    const row = await findTokenByHash(db, hashToken(made.token))
    const revoked = await admin(0, 'POST', `/v1/admin/tokens/${row!.id}/revoke`)
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200)
    // The notice travels through PostgreSQL after the commit: a few milliseconds, well within the
    // documented second, against the token cache's 10 s without it.
    for (let i = 0; i < PROCESSES; i++) {
      await waitFor(
        `process ${i} to refuse the revoked token`,
        1_000,
        async () => (await asSupport(i)).status === 401,
      )
    }
  })

  /** A new exam through process `i`, delivered by Prometric; its canonical number. */
  async function newExam(i: number, number: string): Promise<string> {
    const created = await admin(i, 'POST', '/v1/exams', { number, title: `Exam ${number}` })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const canonical = created.body.number as string
    await deliver(database.db, 'prometric', [canonical])
    return canonical
  }

  async function newCandidates(count: number): Promise<string[]> {
    const ids: string[] = []
    await inParallel(
      Array.from({ length: count }, (_, i) => i),
      20,
      async (i) => {
        const created = await admin(i, 'POST', '/v1/candidates', {
          firstName: 'Many',
          lastName: `Processes ${i}`,
          email: `p-${randomUUID()}@example.com`,
          country: 'NZ',
          timeZone: 'Pacific/Auckland',
        })
        expect(created.status, JSON.stringify(created.body)).toBe(201)
        ids[i] = created.body.id as string
      },
    )
    return ids
  }

  function messageIdsAtSink(): string[] {
    return sink.received.map((mail) => {
      const id = mail.parsed.messageId ?? '(none)'
      return id.startsWith('<') ? id : `<${id}>`
    })
  }
})
