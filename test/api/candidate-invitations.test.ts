import { describe, expect, it } from 'vitest'
import { sendWave } from '../../src/app/beta/send-wave.js'
import { TEST_MAIL_SETTINGS } from '../factories/mail.js'
import { testDatabases } from '../support/databases.js'
import { book, call, expectOk, expectProblem, useApi } from './api-harness.js'
import {
  BETA,
  closedBetaWithTwoCandidates,
  composeWave,
  newCandidates,
  waveAction,
} from './beta-world.js'

const ADMIN = { id: 'test-admin', role: 'admin', channel: 'cli' }

interface Invitation {
  exam: string
  wave: { id: string; name: string; position: number }
  invitedAtLocal: string
  code: string | null
  mayRegister: boolean
  refusal: { code: string; reason: string } | null
}

describe.each(testDatabases())("a candidate's beta invitations on $name", ({ open }) => {
  const get = useApi(open, { demo: false })

  it('shows a mailed invitation with its code and whether it lets the candidate register now', async () => {
    const w = get()
    const { slot, ana, ben } = await closedBetaWithTwoCandidates(w)
    const invitations = async (candidateId: string) =>
      expectOk<{ items: Invitation[] }>(
        await call(
          w,
          'GET',
          `/v1/candidates/${candidateId}/beta-invitations`,
          undefined,
          'support',
        ),
      ).items

    const first = await composeWave<{ id: string }>(w, 'single-use', {
      name: 'first',
      candidateIds: [ana],
    })
    const second = await composeWave<{ id: string }>(w, 'single-use', {
      name: 'second',
      candidateIds: [ben],
    })
    // A draft wave has told nobody anything yet.
    expect(await invitations(ana)).toEqual([])

    expectOk(await waveAction(w, first.id, 'open'))
    const deps = { db: w.db, clock: w.clock, mail: TEST_MAIL_SETTINGS }
    await sendWave(deps, { waveId: first.id }, ADMIN)
    const [anas] = await invitations(ana)
    expect(anas).toMatchObject({
      exam: BETA,
      wave: { id: first.id, name: 'first', position: 1 },
      mayRegister: true,
      refusal: null,
    })
    expect(anas?.code).toMatch(/^[2-9A-HJKMNP-Z]{6}-[2-9A-HJKMNP-Z]{6}-[2-9A-HJKMNP-Z]{6}$/)
    expect(await invitations(ben)).toEqual([])
    expect(second.id).not.toBe(first.id)

    // Once registered, the invitation says so rather than inviting again.
    expectOk(
      await book(
        w,
        { candidateId: ana, exam: BETA, slotId: slot, voucherCodes: [anas!.code!] },
        'ana-1',
      ),
      201,
    )
    const [used] = await invitations(ana)
    expect(used).toMatchObject({ mayRegister: false, refusal: { code: 'BETA_ALREADY_REGISTERED' } })
  })

  it('answers 404 for an unknown candidate and is not a provider’s to read', async () => {
    const w = get()
    const [ana] = (await newCandidates(w, 1)) as [string]
    expectProblem(
      await call(w, 'GET', '/v1/candidates/nobody/beta-invitations', undefined, 'admin'),
      404,
      'CANDIDATE_NOT_FOUND',
    )
    expectProblem(
      await call(w, 'GET', `/v1/candidates/${ana}/beta-invitations`, undefined, 'provider'),
      403,
      'FORBIDDEN',
    )
  })
})
