import { describe, expect, it } from 'vitest'
import {
  insertExceptionRequest,
  recordExceptionReview,
} from '../../src/db/exceptions/exception-requests.js'
import type { Instant } from '../../src/domain/instant.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { createCandidate } from '../factories/catalogue.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  expectProblem,
  instant,
  NOW,
  useApi,
} from './api-harness.js'

const DAY_MS = 86_400_000

interface Queued {
  readonly request: { readonly id: string; readonly status: string; readonly candidateId: string }
  readonly waitedMinutes: number
  readonly dueAt: string
  readonly dueAtLocal: string
  readonly overdue: boolean
}

interface Queue {
  readonly items: readonly Queued[]
  readonly total: number
}

/** An open request of a new candidate about a booking of theirs, filed at `requestedAt`. */
async function filed(w: ApiWorld, id: string, requestedAt: Instant): Promise<string> {
  const candidate = await createCandidate(w.db)
  const slotId = await createSlot(w.db, await createCentre(w.db), NOW + DAY_MS)
  const registration = expectOk<{ id: string }>(
    await book(w, { candidateId: candidate.id, slotId, payment: { method: 'card' } }, `book-${id}`),
    201,
  )
  await insertExceptionRequest(w.db, {
    id,
    candidateId: candidate.id,
    registrationId: registration.id,
    exam: '070-620',
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    email: candidate.email,
    description: 'The workstation froze forty minutes in and never came back.',
    providerCaseNumber: `CASE-${id}`,
    reason: 'lab-crash',
    status: 'open',
    channel: 'web',
    requestedAt,
    requestedBy: candidate.id,
    requestedByRole: 'candidate',
    review: null,
  })
  return id
}

const summary = (queue: Queue) =>
  queue.items.map((item) => [item.request.id, item.waitedMinutes, item.dueAt, item.overdue])

describe.each(testDatabases())('the exception request queue ($name)', ({ open }) => {
  // Monday 15 June 2026, 12:00 UTC.
  const world = useApi(open)
  const scene = async () => {
    await deliver(world().db, 'prometric', ['070-620'])
    return world()
  }

  it('lists open requests oldest first, with how long each waited and its due time two working days on', async () => {
    const w = await scene()
    await filed(w, 'REQ-MON', instant('2026-06-15T11:00:00Z'))
    await filed(w, 'REQ-WED', instant('2026-06-10T12:00:00Z'))
    await filed(w, 'REQ-SAT', instant('2026-06-13T09:00:00Z'))
    await filed(w, 'REQ-FRI', instant('2026-06-12T12:00:00Z'))
    await filed(w, 'REQ-DONE', instant('2026-06-09T08:00:00Z'))
    await recordExceptionReview(w.db, 'REQ-DONE', {
      decision: 'denied',
      at: instant('2026-06-12T08:00:00Z'),
      by: 'support',
      byRole: 'support',
      note: 'Not a lab problem.',
      waivesWait: false,
      waivesLimit: false,
      waiverId: null,
    })

    const queue = expectOk<Queue>(
      await call(w, 'GET', '/v1/exception-requests', undefined, 'support'),
    )
    expect(queue.total).toBe(4)
    expect(summary(queue)).toEqual([
      // Wednesday → Friday: overdue since Friday noon.
      ['REQ-WED', 5 * 24 * 60, '2026-06-12T12:00:00.000Z', true],
      // Friday → Tuesday: the weekend does not count.
      ['REQ-FRI', 3 * 24 * 60, '2026-06-16T12:00:00.000Z', false],
      // Filed on Saturday: counted from Monday 00:00.
      ['REQ-SAT', 2 * 24 * 60 + 3 * 60, '2026-06-17T00:00:00.000Z', false],
      ['REQ-MON', 60, '2026-06-17T11:00:00.000Z', false],
    ])
    expect(queue.items[0]?.dueAtLocal).toBe('2026-06-12T12:00 UTC')

    // A reviewed request waited until its review, and was decided after its due time.
    const denied = expectOk<Queue>(
      await call(w, 'GET', '/v1/exception-requests?status=denied', undefined, 'admin'),
    )
    expect(summary(denied)).toEqual([['REQ-DONE', 3 * 24 * 60, '2026-06-11T08:00:00.000Z', true]])

    // Approved from the queue, a request leaves it.
    expectOk(
      await call(
        w,
        'POST',
        '/v1/exception-requests/REQ-WED/approve',
        { note: 'Lab crash confirmed by the provider.', waivesWait: true, waivesLimit: false },
        'support',
      ),
    )
    const after = expectOk<Queue>(
      await call(w, 'GET', '/v1/exception-requests?limit=2&offset=1', undefined, 'support'),
    )
    expect([after.total, after.items.map((item) => item.request.id)]).toEqual([
      3,
      ['REQ-SAT', 'REQ-MON'],
    ])
  })

  it('counts the configured working days on the programme’s clock', async () => {
    const w = await scene()
    // Saturday 06:00 in Auckland is Friday 18:00 UTC: in Auckland it waits for Monday.
    await filed(w, 'REQ-NZ', instant('2026-06-12T18:00:00Z'))
    const app = await buildExamdeskApp({
      db: w.db,
      clock: w.clock,
      exceptionDue: { workingDays: 1, timeZone: 'Pacific/Auckland' },
    })
    try {
      const queue = expectOk<Queue>(
        await app.inject({
          method: 'GET',
          url: '/v1/exception-requests',
          headers: { authorization: `Bearer ${w.tokens.support}` },
        }),
      )
      expect(queue.items.map((item) => [item.dueAt, item.dueAtLocal])).toEqual([
        ['2026-06-15T12:00:00.000Z', '2026-06-16T00:00 Pacific/Auckland'],
      ])
    } finally {
      await app.close()
    }
  })

  it('is for staff only', async () => {
    const w = world()
    expectProblem(
      await call(w, 'GET', '/v1/exception-requests', undefined, 'provider'),
      403,
      'FORBIDDEN',
    )
    expectProblem(
      await call(w, 'GET', '/v1/exception-requests?status=closed', undefined, 'support'),
      400,
      'VALIDATION_FAILED',
    )
  })
})
