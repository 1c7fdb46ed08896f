import { describe, expect, it } from 'vitest'
import { HOUR_MS } from '../../src/domain/instant.js'
import { bookedSeats, createCentre, createSlot, deliver } from '../factories/appointments.js'
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

interface Seat {
  id: string
  provider: string
  changeDeadlines: {
    reschedule: string
    rescheduleLocal: string
    cancel: string
    cancelLocal: string
  }
  deadlinesPassed: string[]
}

const EXAM = '070-620'

/** 70-620 at Prometric (24 hours to change) and Pearson VUE (24 to reschedule, 48 to cancel), in Auckland. */
async function world(w: ApiWorld) {
  await call(w, 'POST', '/v1/exams', { number: '70-620', title: 'TS: Windows Vista' })
  await deliver(w.db, 'prometric', [EXAM])
  await deliver(w.db, 'pearson-vue', [EXAM])
  return {
    prometric: await createCentre(w.db, { providerId: 'prometric' }),
    pearson: await createCentre(w.db, { providerId: 'pearson-vue' }),
  }
}

async function search(w: ApiWorld): Promise<Map<string, Seat>> {
  const { items } = expectOk<{ items: Seat[] }>(
    // Support sees every provider's seats; a provider would see its own only.
    await call(w, 'GET', '/v1/slots?exam=70-620&limit=10', undefined, 'support'),
  )
  return new Map(items.map((seat) => [seat.id, seat]))
}

describe.each(testDatabases())('change deadlines before the choice, on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it('shows every seat’s deadlines in the search, and names those already passed', async () => {
    const w = get()
    const { prometric, pearson } = await world(w)
    const soon = await createSlot(w.db, prometric, NOW + 3.5 * HOUR_MS)
    const tomorrow = await createSlot(w.db, pearson, NOW + 30 * HOUR_MS)
    const later = await createSlot(w.db, prometric, NOW + 30 * HOUR_MS)
    const seats = await search(w)
    expect(seats.get(soon)).toMatchObject({
      changeDeadlines: {
        reschedule: '2026-06-14T15:30:00.000Z',
        rescheduleLocal: '2026-06-15T03:30 Pacific/Auckland',
        cancel: '2026-06-14T15:30:00.000Z',
      },
      deadlinesPassed: ['reschedule', 'cancel'],
    })
    expect(seats.get(tomorrow)).toMatchObject({
      changeDeadlines: {
        reschedule: '2026-06-15T18:00:00.000Z',
        cancel: '2026-06-14T18:00:00.000Z',
      },
      deadlinesPassed: ['cancel'],
    })
    expect(seats.get(later)?.deadlinesPassed).toEqual([])
    // One slot read alone says the same.
    const one = expectOk<Seat>(await call(w, 'GET', `/v1/slots/${soon}`))
    expect(one.deadlinesPassed).toEqual(['reschedule', 'cancel'])
  })

  it('books a seat past its deadlines only when the caller acknowledges them, and records it', async () => {
    const w = get()
    const { prometric, pearson } = await world(w)
    const soon = await createSlot(w.db, prometric, NOW + 3.5 * HOUR_MS)
    const lea = await registerCandidate(w)
    const refused = expectProblem(
      await book(w, { candidateId: lea, slotId: soon }, 'k1'),
      409,
      'CHANGE_DEADLINES_PASSED',
      'acknowledgeDeadlines',
    )
    expect(refused.passed).toEqual(['reschedule', 'cancel'])
    expect(refused.deadlines).toMatchObject({
      rescheduleLocal: '2026-06-15T03:30 Pacific/Auckland',
      cancelLocal: '2026-06-15T03:30 Pacific/Auckland',
    })
    expect(refused.detail).toBe(
      "This seat starts 2026-06-16T03:30 Pacific/Auckland: under Prometric's rules a booking on it could no longer be rescheduled (the deadline was 2026-06-15T03:30 Pacific/Auckland) or cancelled (the deadline was 2026-06-15T03:30 Pacific/Auckland). Send acknowledgeDeadlines: true to book it anyway.",
    )
    expect(await bookedSeats(w.db, soon)).toBe(0)

    const booked = expectOk<{ id: string }>(
      await book(w, { candidateId: lea, slotId: soon, acknowledgeDeadlines: true }, 'k2'),
      201,
    )
    const { history } = expectOk<{
      history: { action: string; detail: Record<string, unknown> }[]
    }>(await call(w, 'GET', `/v1/registrations/${booked.id}`))
    expect(history[0]).toMatchObject({
      action: 'registered',
      detail: { acknowledgedDeadlinesPassed: ['reschedule', 'cancel'] },
    })

    // Only the cancel deadline has passed at Pearson VUE: only it is named.
    const ben = await registerCandidate(w, { email: 'ben@example.com' })
    const tomorrow = await createSlot(w.db, pearson, NOW + 30 * HOUR_MS)
    const onlyCancel = expectProblem(
      await book(w, { candidateId: ben, slotId: tomorrow }, 'k3', 'otherProvider'),
      409,
      'CHANGE_DEADLINES_PASSED',
    )
    expect(onlyCancel.passed).toEqual(['cancel'])
    expect(onlyCancel.detail).toContain('could no longer be cancelled (the deadline was')
    expect(onlyCancel.detail).not.toContain('rescheduled')
  })

  it('moves a booking onto a seat past its deadlines only when the caller acknowledges them', async () => {
    const w = get()
    const { prometric } = await world(w)
    const later = await createSlot(w.db, prometric, NOW + 10 * 24 * HOUR_MS)
    const soon = await createSlot(w.db, prometric, NOW + 3.5 * HOUR_MS)
    const lea = await registerCandidate(w)
    const booked = expectOk<{ id: string }>(
      await book(w, { candidateId: lea, slotId: later }, 'k1'),
      201,
    )
    const move = (body: Record<string, unknown>) =>
      call(w, 'POST', `/v1/registrations/${booked.id}/reschedule`, { slotId: soon, ...body })
    const refused = expectProblem(
      await move({}),
      409,
      'CHANGE_DEADLINES_PASSED',
      'acknowledgeDeadlines',
    )
    expect(refused.passed).toEqual(['reschedule', 'cancel'])
    expect(await bookedSeats(w.db, soon)).toBe(0)
    expect(await bookedSeats(w.db, later)).toBe(1)

    expectOk(await move({ acknowledgeDeadlines: true }))
    expect(await bookedSeats(w.db, soon)).toBe(1)
    expect(await bookedSeats(w.db, later)).toBe(0)
    const { history } = expectOk<{
      history: { action: string; detail: Record<string, unknown> }[]
    }>(await call(w, 'GET', `/v1/registrations/${booked.id}`))
    expect(history.find((entry) => entry.action === 'rescheduled')).toMatchObject({
      detail: { acknowledgedDeadlinesPassed: ['reschedule', 'cancel'] },
    })
  })

  it('needs no acknowledgement while the deadlines are ahead, up to and including their instant', async () => {
    const w = get()
    const { prometric } = await world(w)
    const later = await createSlot(w.db, prometric, NOW + 30 * HOUR_MS)
    const lea = await registerCandidate(w)
    expectOk(await book(w, { candidateId: lea, slotId: later }, 'k1'), 201)
    // Exactly at the deadline a change is still accepted, so nothing is given up.
    w.clock.set(NOW + 6 * HOUR_MS)
    const ben = await registerCandidate(w, { email: 'ben@example.com' })
    expectOk(await book(w, { candidateId: ben, slotId: later }, 'k2'), 201)
    w.clock.set(NOW + 6 * HOUR_MS + 1)
    const kim = await registerCandidate(w, { email: 'kim@example.com' })
    expectProblem(
      await book(w, { candidateId: kim, slotId: later }, 'k3'),
      409,
      'CHANGE_DEADLINES_PASSED',
    )
  })
})
