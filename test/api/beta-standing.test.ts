import { describe, expect, it } from 'vitest'
import { testDatabases } from '../support/databases.js'
import { book, call, expectOk, expectProblem, useApi } from './api-harness.js'
import {
  BETA,
  closedBetaWithTwoCandidates,
  composeWave,
  createBetaExam,
  newCandidates,
  waveAction,
} from './beta-world.js'

interface Standing {
  candidateId: string
  exam: string
  onRoster: boolean
  waitingForWave: { id: string; position: number } | null
  registrationId: string | null
}

describe.each(testDatabases())(
  "a candidate's standing with a beta programme on $name",
  ({ open }) => {
    const get = useApi(open, { demo: false })

    const standing = async (candidateId: string, exam = '71-620') =>
      expectOk<Standing>(
        await call(
          get(),
          'GET',
          `/v1/candidates/${candidateId}/beta-standing?exam=${exam}`,
          undefined,
          'support',
        ),
      )

    it('says whether the candidate is on the roster, invited by a wave still to open, registered', async () => {
      const w = get()
      const { slot, ana, ben } = await closedBetaWithTwoCandidates(w)
      expect(await standing(ana)).toEqual({
        candidateId: ana,
        exam: BETA,
        onRoster: false,
        waitingForWave: null,
        registrationId: null,
      })

      const first = await composeWave<{ id: string }>(w, 'single-use', { candidateIds: [ana] })
      const second = await composeWave<{ id: string }>(w, 'single-use', { candidateIds: [ben] })
      // Invited by a draft: told which wave it is, not yet on the roster.
      expect(await standing(ana)).toMatchObject({
        onRoster: false,
        waitingForWave: { id: first.id, position: 1 },
      })

      expectOk(await waveAction(w, first.id, 'open'))
      expect(await standing(ana)).toMatchObject({ onRoster: true, waitingForWave: null })
      expect(await standing(ben)).toMatchObject({
        onRoster: false,
        waitingForWave: { id: second.id, position: 2 },
      })

      // An admin's list puts a candidate on the roster directly; the spelling of the exam does not matter.
      expectOk(
        await call(w, 'POST', '/v1/exams/71-620/beta-programme/roster', { candidateIds: [ben] }),
      )
      expect(await standing(ben, '071-620')).toMatchObject({ onRoster: true })

      const booked = expectOk<{ id: string }>(
        await book(w, { candidateId: ana, exam: BETA, slotId: slot }, 'a-1'),
        201,
      )
      expect((await standing(ana)).registrationId).toBe(booked.id)
    })

    it('refuses an exam without a programme, an unknown exam or candidate', async () => {
      const w = get()
      await createBetaExam(w)
      const [ana] = (await newCandidates(w, 1)) as [string]
      const ask = (candidateId: string, exam: string) =>
        call(w, 'GET', `/v1/candidates/${candidateId}/beta-standing?exam=${exam}`)
      expectProblem(await ask(ana, '71-620'), 404, 'BETA_PROGRAMME_NOT_FOUND', 'exam')
      expectProblem(await ask(ana, '70-620'), 404, 'BETA_PROGRAMME_NOT_FOUND', 'exam')
      expectProblem(await ask(ana, '71-999'), 404, 'EXAM_NOT_FOUND', 'exam')
      expectProblem(await ask(ana, '7I-620'), 400, 'EXAM_NUMBER_MALFORMED', 'exam')
      expectProblem(await ask('nobody', '71-620'), 404, 'CANDIDATE_NOT_FOUND', 'id')
    })
  },
)
