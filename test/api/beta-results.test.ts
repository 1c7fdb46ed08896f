import { describe, expect, it } from 'vitest'
import { readConfig } from '../../src/config.js'
import { startBetaResultsJob } from '../../src/jobs/beta-results-job.js'
import { readMailSettings } from '../../src/mail/mail-settings.js'
import { createCentre, createSlot } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  call,
  expectOk,
  expectProblem,
  instant,
  registerCandidate,
  reportResult,
  useApi,
} from './api-harness.js'
import { createBetaExam, setBetaProgramme } from './beta-world.js'

const RELEASE = '2026-09-15T00:00:00Z'

async function sitBeta(get: () => ApiWorld) {
  const w = get()
  await createBetaExam(w)
  await setBetaProgramme(w, { restrictedCountries: [], resultsReleaseAt: RELEASE })
  const slot = await createSlot(w.db, await createCentre(w.db), instant('2026-07-01T09:00:00Z'), 50)
  const ana = await registerCandidate(w, { firstName: 'Ana', email: 'ana@example.com' })
  const ben = await registerCandidate(w, { firstName: 'Ben', email: 'ben@example.com' })
  const registrations: Record<string, string> = {}
  for (const id of [ana, ben]) {
    const made = expectOk<{ id: string }>(
      await call(
        w,
        'POST',
        '/v1/registrations',
        { candidateId: id, exam: '71-620', slotId: slot },
        'provider',
        {
          'idempotency-key': id,
        },
      ),
      201,
    )
    registrations[id] = made.id
  }
  w.clock.set(instant('2026-07-01T12:00:00Z'))
  for (const [id, outcome] of [
    [ana, 'pass'],
    [ben, 'fail'],
  ] as const) {
    expectOk(await reportResult(w, registrations[id] ?? id, outcome))
  }
  return { w, ana, ben }
}

const attempts = async (w: ApiWorld, id: string) =>
  expectOk<{ items: { outcome: string; resultsDueAt: string | null }[] }>(
    await call(w, 'GET', `/v1/candidates/${id}/attempts`),
  ).items
const mails = (w: ApiWorld, kind: string) =>
  w.db.selectFrom('outbox').select(['recipient', 'subject']).where('kind', '=', kind).execute()

describe.each(testDatabases())('beta results on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it('stay pending with their date until released, then count, mail, and reward each participant once', async () => {
    const { w, ana, ben } = await sitBeta(get)
    expect(await attempts(w, ana)).toMatchObject([
      { outcome: 'pending', resultsDueAt: '2026-09-15T00:00:00.000Z' },
    ])
    expect(await mails(w, 'beta-result-due')).toHaveLength(2)
    // Nor can a correction show a beta result early.
    const [anaAttempt] = expectOk<{ items: { id: string }[] }>(
      await call(w, 'GET', `/v1/candidates/${ana}/attempts`),
    ).items
    const corrected = expectOk<{ outcome: string }>(
      await call(w, 'PATCH', `/v1/attempts/${anaAttempt?.id}`, { outcome: 'pass' }, 'provider'),
    )
    expect(corrected.outcome).toBe('pending')
    expectProblem(
      await call(w, 'POST', '/v1/exams/71-620/beta-programme/release-results', {}),
      409,
      'BETA_RESULTS_NOT_DUE',
    )

    w.clock.set(instant(RELEASE))
    const released = expectOk(
      await call(w, 'POST', '/v1/exams/71-620/beta-programme/release-results', {}),
    )
    expect(released).toEqual({
      exam: '071-620',
      released: 2,
      passed: 1,
      failed: 1,
      rewardsIssued: 2,
    })
    expect(await attempts(w, ana)).toMatchObject([{ outcome: 'pass', resultsDueAt: null }])
    expect(await attempts(w, ben)).toMatchObject([{ outcome: 'fail' }])
    expect((await mails(w, 'beta-result-released')).map((m) => m.subject).sort()).toEqual([
      '071-620: your beta result — not passed',
      '071-620: your beta result — passed',
    ])
    // The pass counts for the live exam; the failure lets Ben take it under the live policy.
    const eligibility = async (id: string) =>
      expectOk<{ code: string }>(
        await call(w, 'GET', `/v1/candidates/${id}/eligibility?exam=70-620`),
      ).code
    expect(await eligibility(ana)).toBe('ALREADY_PASSED')
    expect(await eligibility(ben)).toBe('ELIGIBLE')
    const rewards = await w.db
      .selectFrom('vouchers')
      .select(['candidate_id', 'reward_for_exam'])
      .where('offer_id', '=', 'beta-reward')
      .execute()
    expect(rewards).toHaveLength(2)

    // Again: nothing more is released, mailed or rewarded.
    const again = expectOk(
      await call(w, 'POST', '/v1/exams/71-620/beta-programme/release-results', {}),
    )
    expect(again).toMatchObject({ released: 0, rewardsIssued: 0 })
    expect(await mails(w, 'beta-result-released')).toHaveLength(2)
  })

  it('are released by the scheduled job on their date, and not before', async () => {
    const { w, ana } = await sitBeta(get)
    const deps = { db: w.db, clock: w.clock, mail: readMailSettings(readConfig({})) }
    const silent = { info() {}, warn() {}, error() {} }
    const job = startBetaResultsJob(deps, silent, 3_600_000)
    try {
      expect(await job.tick()).toBe(0)
      w.clock.set(instant(RELEASE) + 1)
      expect(await job.tick()).toBe(2)
      expect(await attempts(w, ana)).toMatchObject([{ outcome: 'pass' }])
    } finally {
      await job.stop()
    }
  })
})
