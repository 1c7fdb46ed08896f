import { describe, expect, it } from 'vitest'
import { findBetaRegistration } from '../../src/db/beta/beta-programmes.js'
import { HOUR_MS } from '../../src/domain/instant.js'
import { createCentre, createSlot } from '../factories/appointments.js'
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
import {
  BETA,
  composeWave,
  createBetaExam,
  newCandidates,
  setBetaProgramme,
  waveAction,
} from './beta-world.js'

interface Wave {
  id: string
  position: number
  status: string
  code: string | null
  invited: number
  mayOpenAt: string | null
  withdrawnAt: string | null
}

async function world(w: ApiWorld, programme: Record<string, unknown> = {}) {
  await createBetaExam(w)
  await setBetaProgramme(w, { acceptsNewCandidates: false, ...programme })
  return createSlot(w.db, await createCentre(w.db), instant('2026-07-01T09:00:00Z'), 50)
}

const compose = (w: ApiWorld, body: Record<string, unknown>) =>
  composeWave<Wave>(w, 'per-wave', body)

const eligibilityCode = async (w: ApiWorld, candidateId: string) =>
  expectOk<{ code: string }>(
    await call(w, 'GET', `/v1/candidates/${candidateId}/eligibility?exam=71-620`),
  ).code

describe.each(testDatabases())('withdrawing waves and the priority window on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it('withdraws a draft: its code stops working, it holds back no later wave, its invitees can be invited again', async () => {
    const w = get()
    const slot = await world(w)
    const [a, b, c] = await newCandidates(w, 3, 'w')
    const first = await compose(w, { name: 'broken', candidateIds: [a, b] })
    const second = await compose(w, { name: 'next', candidateIds: [c] })
    expectProblem(await waveAction(w, second.id, 'open'), 409, 'WAVE_TOO_EARLY')

    const withdrawn = expectOk<Wave>(await waveAction(w, first.id, 'withdraw'))
    expect(withdrawn).toMatchObject({ status: 'withdrawn', mayOpenAt: null })
    expect(withdrawn.withdrawnAt).not.toBeNull()
    // Again: nothing changes, nothing fails.
    expect(expectOk<Wave>(await waveAction(w, first.id, 'withdraw')).status).toBe('withdrawn')
    expectProblem(await waveAction(w, first.id, 'open'), 409, 'WAVE_WITHDRAWN')

    // The next wave opens at once: the withdrawn one keeps no seats for anyone.
    expect(expectOk<Wave>(await waveAction(w, second.id, 'open')).status).toBe('open')
    expectProblem(await waveAction(w, second.id, 'withdraw'), 409, 'WAVE_ALREADY_OPENED')

    // The withdrawn wave's code is void, even for a candidate the programme admits.
    const refused = expectProblem(
      await book(
        w,
        { candidateId: c!, exam: BETA, slotId: slot, voucherCodes: [first.code!] },
        'k1',
      ),
      409,
      'CODE_VOIDED',
    )
    expect(refused.field).toBe('voucherCode')

    // Its invitees are free to be invited by a new wave.
    const again = await compose(w, { name: 'fixed', candidateIds: [a, b] })
    expect(again.invited).toBe(2)

    const audit = await w.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('subject_id', '=', first.id)
      .where('action', '=', 'wave-withdrawn')
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ invited: 2, codesVoided: 1 })
  })

  it('voids every single-use code of a withdrawn wave', async () => {
    const w = get()
    await world(w)
    const ids = await newCandidates(w, 3, 'w')
    const wave = await compose(w, { candidateIds: ids, codeMode: 'single-use' })
    await waveAction(w, wave.id, 'withdraw')
    const codes = await w.db
      .selectFrom('vouchers')
      .select(['code', 'voided_at'])
      .where('batch_id', '=', `wave:${wave.id}`)
      .execute()
    expect(codes).toHaveLength(3)
    expect(codes.every((code) => code.voided_at !== null)).toBe(true)
  })

  it('keeps an invitee of a wave not yet open from booking, whatever roster they are on, until it opens', async () => {
    const w = get()
    // An open programme: anyone may register, except those waiting for their wave.
    const slot = await world(w, { acceptsNewCandidates: true })
    const [early, later, stranger] = await newCandidates(w, 3, 'w')
    expectOk(
      await call(w, 'POST', '/v1/exams/71-620/beta-programme/roster', { candidateIds: [later] }),
    )
    const first = await compose(w, { name: 'first', candidateIds: [early] })
    const rest = await compose(w, { name: 'rest', audience: 'roster-rest' })
    expect(rest.invited).toBe(1)
    expectOk(await waveAction(w, first.id, 'open'))

    const waiting = expectProblem(
      await book(w, { candidateId: later!, exam: BETA, slotId: slot }, 'k1'),
      409,
      'INVITATION_NOT_OPEN',
    )
    expect(waiting.detail).toContain('wave 2')
    expect(await eligibilityCode(w, later!)).toBe('INVITATION_NOT_OPEN')
    // Someone invited by no wave is not held back by the waves.
    expectOk(await book(w, { candidateId: stranger!, exam: BETA, slotId: slot }, 'k2'), 201)

    w.clock.set(NOW + 72 * HOUR_MS)
    expectOk(await waveAction(w, rest.id, 'open'))
    expectOk(await book(w, { candidateId: later!, exam: BETA, slotId: slot }, 'k3'), 201)
  })

  it('lets a withdrawn wave’s invitee book as before, and undoes a re-admission', async () => {
    const w = get()
    const slot = await world(w)
    const [a] = await newCandidates(w, 1, 'w')
    expectOk(await call(w, 'POST', '/v1/exams/71-620/beta-programme/roster', { candidateIds: [a] }))
    const first = expectOk<{ id: string }>(
      await book(w, { candidateId: a!, exam: BETA, slotId: slot }, 'k1'),
      201,
    )
    expectOk(await call(w, 'POST', `/v1/registrations/${first.id}/cancel`, {}, 'provider'))
    expect(await eligibilityCode(w, a!)).toBe('BETA_ALREADY_REGISTERED')

    const wave = await compose(w, { audience: 're-registration' })
    expect(await findBetaRegistration(w.db, BETA, a!)).toBeNull()
    expect(await eligibilityCode(w, a!)).toBe('INVITATION_NOT_OPEN')

    expectOk(await waveAction(w, wave.id, 'withdraw'))
    expect(await findBetaRegistration(w.db, BETA, a!)).toBe(first.id)
    expect(await eligibilityCode(w, a!)).toBe('BETA_ALREADY_REGISTERED')
  })
})
