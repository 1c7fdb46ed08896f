import { describe, expect, it } from 'vitest'
import { createToken } from '../../src/app/access/api-tokens.js'
import { fixedClock } from '../../src/app/clock.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  expectProblem,
  NOW,
  registerCandidate,
  useApi,
} from './api-harness.js'

/** The value of one series in a Prometheus text exposition, or undefined when it is absent. */
function sample(exposition: string, series: string): number | undefined {
  for (const line of exposition.split('\n')) {
    if (line.startsWith(`${series} `)) return Number(line.slice(series.length + 1))
  }
  return undefined
}

async function scrape(w: ApiWorld): Promise<string> {
  const response = await call(w, 'GET', '/metrics', undefined, null)
  expect(response.statusCode).toBe(200)
  return response.body
}

describe.each(testDatabases())('what /metrics tells an operator ($name)', ({ name, open }) => {
  const get = useApi(open)

  it('counts bookings and refusals by code, the outbox backlog and its age, and unpaid registrations', async () => {
    const w = get()
    const candidate = await registerCandidate(w)
    const { items } = expectOk<{ items: { id: string }[] }>(
      await call(w, 'GET', '/v1/slots?exam=70-620&from=2026-06-18T00:00:00Z&limit=1'),
    )
    const slotId = items[0]!.id
    // No payment given for a priced exam: the seat is held, its amount due, nothing mailed yet.
    const booked = expectOk<{
      id: string
      paymentStatus: string
      holdExpiresAt: string
      price: { currency: string; dueCents: number }
    }>(await book(w, { candidateId: candidate, slotId }, 'metrics-1'), 201)
    expect(booked.paymentStatus).toBe('due')
    expectOk(await book(w, { candidateId: candidate, slotId }, 'metrics-1'), 201) // a replay
    expectProblem(
      await book(w, { candidateId: candidate, slotId: 'nope' }, 'metrics-2'),
      404,
      'SLOT_NOT_FOUND',
    )
    expectProblem(
      await book(w, { candidateId: candidate, slotId }, 'metrics-3'),
      409,
      'ALREADY_REGISTERED',
    )
    const held = await scrape(w)
    expect(sample(held, 'examdesk_registrations_total')).toBe(1)
    expect(sample(held, 'examdesk_registration_refusals_total{code="SLOT_NOT_FOUND"}')).toBe(1)
    expect(sample(held, 'examdesk_registration_refusals_total{code="ALREADY_REGISTERED"}')).toBe(1)
    expect(sample(held, 'examdesk_registrations_unpaid')).toBe(1)
    expect(sample(held, 'examdesk_unpaid_holds_overdue')).toBe(0)
    // Past the hold's end, before the expiry job has run: one hold overdue, for as long as it has been.
    const holdEnds = Date.parse(booked.holdExpiresAt)
    w.clock.set(holdEnds + 45_000)
    const overdue = await scrape(w)
    expect(sample(overdue, 'examdesk_unpaid_holds_overdue')).toBe(1)
    expect(sample(overdue, 'examdesk_unpaid_holds_overdue_age_seconds')).toBe(45)
    w.clock.set(NOW)

    // Paid: confirmed and mailed; 90 s later the mail still waits (no worker runs here).
    expectOk(
      await call(w, 'POST', `/v1/registrations/${booked.id}/payment`, {
        method: 'card',
        currency: booked.price.currency,
        cents: booked.price.dueCents,
      }),
    )
    w.clock.set(NOW + 90_000)
    const body = await scrape(w)
    expect(sample(body, 'examdesk_registrations_unpaid')).toBe(0)
    const pending = await w.db
      .selectFrom('outbox')
      .select('created_at')
      .where('status', '=', 'pending')
      .execute()
    expect(pending.length).toBeGreaterThan(0)
    expect(sample(body, 'examdesk_outbox_mail{status="pending"}')).toBe(pending.length)
    expect(sample(body, 'examdesk_outbox_mail{status="failed"}')).toBe(0)
    // Every mail was written at NOW (the fixed clock): the oldest has waited 90 s.
    expect(sample(body, 'examdesk_outbox_oldest_pending_age_seconds')).toBe(90)

    // Mail given up on shows as failed, and no longer as waiting.
    await w.db.updateTable('outbox').set({ status: 'failed' }).execute()
    const after = await scrape(w)
    expect(sample(after, 'examdesk_outbox_mail{status="failed"}')).toBe(pending.length)
    expect(sample(after, 'examdesk_outbox_mail{status="pending"}')).toBe(0)
    expect(sample(after, 'examdesk_outbox_oldest_pending_age_seconds')).toBe(0)

    if (name === 'postgres') {
      // The test pool has 4 connections; the scrape's own queries may be using some of them.
      expect(sample(after, 'examdesk_db_pool_connections{state="max"}')).toBe(4)
      const inUse = sample(after, 'examdesk_db_pool_connections{state="in_use"}')!
      const idle = sample(after, 'examdesk_db_pool_connections{state="idle"}')!
      expect(inUse + idle).toBeGreaterThan(0)
      expect(inUse + idle).toBeLessThanOrEqual(4)
      // The scrape's own queries (four: backlog, oldest mail, unpaid, overdue holds) may wait a turn.
      expect(sample(after, 'examdesk_db_pool_waiting')).toBeLessThanOrEqual(4)
      expect(sample(after, 'examdesk_db_connections_lost_total')).toBe(0)
      expect(after).not.toContain('examdesk_group_commit_size')
    } else {
      // Each booking attempt that reached the database was a group of one here.
      expect(sample(after, 'examdesk_group_commit_size_count')).toBeGreaterThanOrEqual(1)
      expect(sample(after, 'examdesk_group_commit_size_bucket{le="1"}')).toBe(
        sample(after, 'examdesk_group_commit_size_count'),
      )
      expect(after).not.toContain('examdesk_db_pool')
    }
  })

  it('still answers while the database is away, with its figures unknown', async () => {
    const database = await open()
    const deps = { db: database.db, clock: fixedClock(NOW) }
    await createToken(deps, { role: 'admin', label: 'metrics' })
    const app = await buildExamdeskApp(deps)
    try {
      await database.db.destroy()
      const response = await app.inject({ method: 'GET', url: '/metrics' })
      expect(response.statusCode).toBe(200)
      // prom-client writes NaN as "Nan"; Prometheus reads either spelling.
      expect(response.body).toMatch(/^examdesk_outbox_mail\{status="pending"\} NaN$/im)
      expect(response.body).toMatch(/^examdesk_registrations_unpaid NaN$/im)
    } finally {
      await app.close()
      await database.close().catch(() => {})
    }
  })
})
