import { describe, expect, it } from 'vitest'
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '../../src/app/page.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  expectProblem,
  instant,
  recordAttempt,
  registerCandidate,
  useApi,
} from './api-harness.js'

interface Listed {
  readonly items: readonly { readonly id: string }[]
  readonly total: number
}

/** Every page of `path`, `limit` at a time, until a short page; checks `total` on each. */
async function readAllPages(w: ApiWorld, path: string, limit: number, total: number) {
  const ids: string[] = []
  for (let offset = 0; ; offset += limit) {
    const page = expectOk<Listed>(await call(w, 'GET', `${path}?limit=${limit}&offset=${offset}`))
    expect(page.total).toBe(total)
    expect(page.items.length).toBeLessThanOrEqual(limit)
    ids.push(...page.items.map((item) => item.id))
    if (page.items.length < limit) return ids
  }
}

/** Léa with five failed attempts long ago and five registrations, each booked and cancelled. */
async function historyOfFive(w: ApiWorld) {
  await call(w, 'POST', '/v1/exams', { number: '70-620', title: 'TS: Configuring Windows Vista' })
  await deliver(w.db, 'prometric', ['070-620'])
  const lea = await registerCandidate(w)
  for (let month = 1; month <= 5; month++) {
    await recordAttempt(w, {
      candidateId: lea,
      exam: '70-620',
      takenAt: `2024-0${month}-10T09:00:00Z`,
      outcome: 'fail',
      provider: 'prometric',
    })
  }
  const centre = await createCentre(w.db)
  for (let day = 1; day <= 5; day++) {
    const slot = await createSlot(w.db, centre, instant(`2026-07-0${day}T09:00:00Z`))
    const booked = expectOk<{ id: string }>(
      await book(w, { candidateId: lea, slotId: slot }, `paging-${day}`),
      201,
    )
    expectOk(await call(w, 'POST', `/v1/registrations/${booked.id}/cancel`, {}, 'provider'))
  }
  return lea
}

describe.each(testDatabases())("a candidate's lists, a page at a time ($name)", ({ open }) => {
  const get = useApi(open, { demo: false })

  it('pages attempts and registrations in a stable order, each item once, with the total', async () => {
    const w = get()
    const lea = await historyOfFive(w)
    for (const list of ['attempts', 'registrations']) {
      const path = `/v1/candidates/${lea}/${list}`
      const whole = expectOk<Listed>(await call(w, 'GET', path))
      expect(whole.total).toBe(5)
      expect(whole.items).toHaveLength(5)
      const paged = await readAllPages(w, path, 2, 5)
      expect(paged).toEqual(whole.items.map((item) => item.id))
      const beyond = expectOk<Listed>(await call(w, 'GET', `${path}?offset=5`))
      expect(beyond).toEqual({ items: [], total: 5 })
    }
    // Attempts oldest first; registrations newest first.
    const attempts = expectOk<{ items: { takenAt: string }[] }>(
      await call(w, 'GET', `/v1/candidates/${lea}/attempts?limit=2&offset=1`),
    )
    expect(attempts.items.map((a) => a.takenAt)).toEqual([
      '2024-02-10T09:00:00.000Z',
      '2024-03-10T09:00:00.000Z',
    ])
  })

  it('caps a page and refuses a limit over the cap or a negative offset, naming the field', async () => {
    const w = get()
    const lea = await registerCandidate(w)
    for (const list of ['attempts', 'registrations', 'exception-requests']) {
      const path = `/v1/candidates/${lea}/${list}`
      expectProblem(
        await call(w, 'GET', `${path}?limit=${MAX_PAGE_LIMIT + 1}`),
        400,
        'VALIDATION_FAILED',
        'limit',
      )
      expectProblem(await call(w, 'GET', `${path}?limit=0`), 400, 'VALIDATION_FAILED', 'limit')
      expectProblem(await call(w, 'GET', `${path}?offset=-1`), 400, 'VALIDATION_FAILED', 'offset')
      expect(expectOk<Listed>(await call(w, 'GET', `${path}?limit=${MAX_PAGE_LIMIT}`))).toEqual({
        items: [],
        total: 0,
      })
    }
  })

  it('gives the default page when no limit is asked for', async () => {
    const w = get()
    const lea = await registerCandidate(w)
    const many = Array.from({ length: DEFAULT_PAGE_LIMIT + 3 }, (_, index) => ({
      id: `att-${String(index).padStart(3, '0')}`,
      candidate_id: lea,
      exam_number: '070-620',
      provider_id: 'prometric',
      taken_at: new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString(),
      outcome: 'fail' as const,
      recorded_at: '2026-06-15T12:00:00.000Z',
      updated_at: '2026-06-15T12:00:00.000Z',
    }))
    await call(w, 'POST', '/v1/exams', { number: '70-620', title: 'TS: Configuring Windows Vista' })
    await w.db.insertInto('attempts').values(many).execute()
    const page = expectOk<Listed>(await call(w, 'GET', `/v1/candidates/${lea}/attempts`))
    expect(page.total).toBe(DEFAULT_PAGE_LIMIT + 3)
    expect(page.items).toHaveLength(DEFAULT_PAGE_LIMIT)
  })
})
