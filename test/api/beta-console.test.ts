import { describe, expect, it } from 'vitest'
import { HOUR_MS } from '../../src/domain/instant.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  call,
  expectOk,
  expectProblem,
  instant,
  NOW,
  useApi,
} from './api-harness.js'

/** What the console reads of a beta: the demo's 071-621, in beta now. */
const EXAM = '71-621'

interface Overview {
  exam: string
  title: string
  liveExam: string | null
  seatLimit: number
  seatsLeft: number
  rosterSize: number
  waves: number
  rewardsIssued: number
  restrictedCountries: string[]
  resultsReleasedAt: string | null
}

interface Wave {
  id: string
  status: string
  mailed: number
  nextWave: number | null
  priorityEndsAt: string | null
  priorityLeftMs: number | null
}

interface SelfCheck {
  passed: boolean
  candidateId: string | null
  candidateName: string | null
  channel: string | null
  problemCode: string | null
  problemDetail: string | null
}

const overview = async (w: ApiWorld, role: 'admin' | 'support' = 'admin') =>
  expectOk<Overview>(await call(w, 'GET', `/v1/beta-programmes/${EXAM}`, undefined, role))

const compose = async (w: ApiWorld, body: Record<string, unknown>) =>
  expectOk<Wave>(
    await call(w, 'POST', `/v1/exams/${EXAM}/beta-programme/waves`, {
      codeMode: 'single-use',
      ...body,
    }),
    201,
  )

const selfCheck = async (w: ApiWorld, id: string) =>
  expectOk<SelfCheck>(await call(w, 'POST', `/v1/waves/${id}/self-check`))

const wave = async (w: ApiWorld, id: string) =>
  expectOk<Wave>(await call(w, 'GET', `/v1/waves/${id}`))

describe.each(testDatabases())('the console’s beta programmes on $name', ({ open }) => {
  const get = useApi(open)

  it('lists every beta with its programme, roster, waves and rewards, to support too', async () => {
    const w = get()
    const { items } = expectOk<{ items: Overview[] }>(
      await call(w, 'GET', '/v1/beta-programmes', undefined, 'support'),
    )
    expect(items).toEqual([
      expect.objectContaining({
        exam: '071-621',
        liveExam: '070-621',
        seatLimit: 250,
        seatsLeft: 250,
        rosterSize: 0,
        waves: 0,
        rewardsIssued: 0,
        restrictedCountries: ['CN', 'IR'],
        resultsReleasedAt: null,
      }),
    ])
    expectProblem(
      await call(w, 'GET', '/v1/beta-programmes/70-620'),
      404,
      'BETA_PROGRAMME_NOT_FOUND',
    )
  })

  it('puts candidates on the roster by id or email, counts only the new ones, and refuses unknown ones all at once', async () => {
    const w = get()
    const roster = (body: unknown) =>
      call(w, 'POST', `/v1/exams/${EXAM}/beta-programme/roster`, body)
    expect(
      expectOk(
        await roster({ candidateIds: ['cand-chloe'], emails: ['Lucas.Oliveira@Example.com'] }),
      ),
    ).toEqual({ added: 2 })
    expect(expectOk(await roster({ emails: ['lucas.oliveira@example.com'] }))).toEqual({ added: 0 })
    const refused = expectProblem(
      await roster({ candidateIds: ['cand-ana', 'cand-nobody'], emails: ['nobody@example.com'] }),
      422,
      'CANDIDATES_NOT_FOUND',
    )
    expect(refused.detail).toContain('cand-nobody, nobody@example.com')
    expectProblem(await roster({}), 400, 'VALIDATION_FAILED')
    expect((await overview(w)).rosterSize).toBe(2)
  })

  it('checks a wave without opening it: the retake audience of the demo fails on Lucas, in words', async () => {
    const w = get()
    const retakes = await compose(w, { name: 'retakes', audience: 'retake' })
    const check = await selfCheck(w, retakes.id)
    expect(check).toMatchObject({
      passed: false,
      candidateId: 'cand-lucas',
      candidateName: 'Lucas Oliveira',
      problemCode: 'BETA_ALREADY_TAKEN',
    })
    expect(check.problemDetail).toBeTruthy()
    expect((await wave(w, retakes.id)).status).toBe('draft')
    // Withdrawn, it is checked no more.
    expectOk(await call(w, 'POST', `/v1/waves/${retakes.id}/withdraw`))
    expectProblem(
      await call(w, 'POST', `/v1/waves/${retakes.id}/self-check`),
      409,
      'WAVE_WITHDRAWN',
    )
  })

  it('a passing check on a closed programme leaves the roster as it was', async () => {
    const w = get()
    expectOk(
      await call(w, 'PUT', `/v1/exams/${EXAM}/beta-programme`, {
        seatLimit: 250,
        acceptsNewCandidates: false,
        restrictedCountries: ['CN', 'IR'],
        resultsReleaseAt: '2026-09-01T00:00:00Z',
      }),
    )
    const first = await compose(w, {
      name: 'first',
      audience: 'list',
      candidateIds: ['cand-chloe'],
    })
    expect(await selfCheck(w, first.id)).toMatchObject({
      passed: true,
      candidateId: 'cand-chloe',
      candidateName: 'Chloe Nguyen',
      problemCode: null,
    })
    expect((await overview(w)).rosterSize).toBe(0)
    expect((await wave(w, first.id)).status).toBe('draft')
  })

  it('says when a wave’s priority ends, pauses it with the clock, and sends its mail once', async () => {
    const w = get()
    const first = await compose(w, {
      name: 'first',
      audience: 'list',
      candidateIds: ['cand-chloe'],
    })
    expect(first).toMatchObject({ nextWave: null, priorityEndsAt: null, priorityLeftMs: null })
    expectProblem(await call(w, 'POST', `/v1/waves/${first.id}/send`), 409, 'WAVE_NOT_OPEN')
    const second = await compose(w, {
      name: 'second',
      audience: 'list',
      candidateIds: ['cand-ana'],
    })
    expect(await wave(w, first.id)).toMatchObject({
      nextWave: 2,
      priorityEndsAt: null,
      priorityLeftMs: 72 * HOUR_MS,
    })
    expectOk(await call(w, 'POST', `/v1/waves/${first.id}/open`))
    expect(await wave(w, first.id)).toMatchObject({
      status: 'open',
      priorityEndsAt: new Date(NOW + 72 * HOUR_MS).toISOString(),
    })

    expect(expectOk(await call(w, 'POST', `/v1/waves/${first.id}/send`))).toEqual({
      waveId: first.id,
      invited: 1,
      enqueuedNow: 1,
      alreadyEnqueued: 0,
    })
    expect(expectOk(await call(w, 'POST', `/v1/waves/${first.id}/send`))).toMatchObject({
      enqueuedNow: 0,
      alreadyEnqueued: 1,
    })
    expect((await wave(w, first.id)).mailed).toBe(1)

    w.clock.set(NOW + 10 * HOUR_MS)
    expectOk(await call(w, 'POST', `/v1/waves/${first.id}/pause`))
    expect(await wave(w, first.id)).toMatchObject({
      status: 'paused',
      priorityEndsAt: null,
      priorityLeftMs: 62 * HOUR_MS,
    })
    const resumed = await call(w, 'POST', `/v1/waves/${first.id}/resume`)
    expect(resumed.json()).toMatchObject({ status: 'open' })
    // A later wave withdrawn ends nobody's priority.
    expectOk(await call(w, 'POST', `/v1/waves/${second.id}/withdraw`))
    expect(await wave(w, first.id)).toMatchObject({ nextWave: null, priorityEndsAt: null })
    expect((await overview(w)).waves).toBe(2)
  })

  it('counts the reward codes a release issued', async () => {
    const w = get()
    const [attempt] = expectOk<{ items: { id: string; exam: string }[] }>(
      await call(w, 'GET', '/v1/candidates/cand-lucas/attempts'),
    ).items.filter((item) => item.exam === '071-621')
    expectOk(await call(w, 'PATCH', `/v1/attempts/${attempt!.id}`, { outcome: 'pass' }))
    const programme = expectOk<{ resultsReleaseAt: string }>(
      await call(w, 'GET', `/v1/exams/${EXAM}/beta-programme`),
    )
    w.clock.set(instant(programme.resultsReleaseAt))
    expect(
      expectOk(await call(w, 'POST', `/v1/exams/${EXAM}/beta-programme/release-results`)),
    ).toMatchObject({ released: 1, passed: 1, rewardsIssued: 1 })
    expect(await overview(w, 'support')).toMatchObject({ rewardsIssued: 1 })
    expect((await overview(w)).resultsReleasedAt).not.toBeNull()
  })
})
