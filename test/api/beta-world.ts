import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { type ApiWorld, call, expectOk, instant, registerCandidate } from './api-harness.js'

/** The beta exam the beta tests use, with its live twin 70-620. */
export const BETA = '071-620'

/** The beta is open from 1 June to 1 August 2026; the tests' clock stands at 15 June. */
export const BETA_PERIOD = { start: '2026-06-01T00:00:00Z', end: '2026-08-01T00:00:00Z' }

/** 70-620 and its beta 71-620, delivered by `providers`, through the API. */
export async function createBetaExam(
  w: ApiWorld,
  providers: readonly string[] = ['prometric'],
): Promise<void> {
  expectOk(
    await call(w, 'POST', '/v1/exams', { number: '70-620', title: 'TS: Windows Vista' }),
    201,
  )
  expectOk(
    await call(w, 'POST', '/v1/exams', {
      number: '71-620',
      title: 'TS: Windows Vista (beta)',
      status: 'beta',
      betaPeriod: BETA_PERIOD,
    }),
    201,
  )
  for (const provider of providers) await deliver(w.db, provider, [BETA])
}

/** Sets 71-620's programme: 100 seats, open to all but CN, results on 15 September, unless said. */
export async function setBetaProgramme(
  w: ApiWorld,
  programme: Record<string, unknown> = {},
): Promise<void> {
  expectOk(
    await call(w, 'PUT', '/v1/exams/71-620/beta-programme', {
      seatLimit: 100,
      acceptsNewCandidates: true,
      restrictedCountries: ['CN'],
      resultsReleaseAt: '2026-09-15T00:00:00Z',
      ...programme,
    }),
  )
}

/** `count` new candidates, their emails numbered after `prefix`. */
export async function newCandidates(w: ApiWorld, count: number, prefix = 'c'): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    ids.push(await registerCandidate(w, { email: `${prefix}${i}@example.com` }))
  }
  return ids
}

/**
 * 71-620 closed to newcomers (invited only), a slot of 20 seats on 1 July
 * 2026, and two new candidates, Ana and Ben, not yet invited.
 */
export async function closedBetaWithTwoCandidates(w: ApiWorld) {
  await createBetaExam(w)
  await setBetaProgramme(w, { acceptsNewCandidates: false })
  const slot = await createSlot(w.db, await createCentre(w.db), instant('2026-07-01T09:00:00Z'), 20)
  const [ana, ben] = (await newCandidates(w, 2)) as [string, string]
  return { slot, ana, ben }
}

/** Composes a wave of the beta: a `list` wave named "wave" with codes of `codeMode`, unless `body` says otherwise. */
export async function composeWave<T>(
  w: ApiWorld,
  codeMode: 'single-use' | 'per-wave',
  body: Record<string, unknown>,
): Promise<T> {
  return expectOk<T>(
    await call(w, 'POST', '/v1/exams/71-620/beta-programme/waves', {
      name: 'wave',
      audience: 'list',
      codeMode,
      ...body,
    }),
    201,
  )
}

/** One of a wave's actions, as the admin. */
export const waveAction = (
  w: ApiWorld,
  id: string,
  action: 'open' | 'pause' | 'resume' | 'withdraw',
) => call(w, 'POST', `/v1/waves/${id}/${action}`)
