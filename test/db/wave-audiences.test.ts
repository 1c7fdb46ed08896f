import { describe, expect, it } from 'vitest'
import { addToRoster, insertBetaProgramme } from '../../src/db/beta/beta-programmes.js'
import { audienceQuery } from '../../src/db/beta/wave-audiences.js'
import { insertRegistration } from '../../src/db/registrations/registrations.js'
import type { ExamNumber } from '../../src/domain/exam-number.js'
import { DAY_MS } from '../../src/domain/instant.js'
import {
  AUDIENCE_RULES,
  type AudienceFacts,
  type AudienceRegistrationStatus,
  isInAudience,
} from '../../src/domain/wave-audience.js'
import {
  createAttempt,
  createCandidate,
  createExam,
  createFamily,
  createProvider,
  FACTORY_EPOCH,
} from '../factories/catalogue.js'
import { createCentre, createSlot } from '../factories/centres.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

const STATUSES: readonly AudienceRegistrationStatus[] = [
  'booked',
  'checked-in',
  'completed',
  'no-show',
  'cancelled',
]

/** A fixed sequence of pseudo-random numbers in [0, 1): the same varied candidates every run. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

describe.each(testDatabases())('wave audiences on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  it('name in SQL exactly the candidates the domain rule names', async () => {
    await createFamily(db())
    const provider = await createProvider(db())
    const centre = await createCentre(db())
    const live = await createExam(db(), { number: '070-620' })
    const beta = await createExam(db(), { number: '070-700', status: 'beta', betaOf: live.number })
    const otherBeta = await createExam(db(), {
      number: '070-701',
      status: 'beta',
      betaOf: live.number,
    })
    const orphan = await createExam(db(), { number: '070-702', status: 'beta' })
    const exams = [live, beta, otherBeta, orphan]
    for (const exam of [beta, orphan]) {
      await insertBetaProgramme(
        db(),
        {
          exam: exam.number,
          seatLimit: 100,
          seatsTaken: 0,
          acceptsNewCandidates: false,
          restrictedCountries: [],
          resultsReleaseAt: FACTORY_EPOCH + 90 * DAY_MS,
          resultsReleasedAt: null,
          holdMinutes: null,
        },
        FACTORY_EPOCH,
      )
    }

    const random = seeded(20_261_202)
    const facts = new Map<string, Map<ExamNumber, AudienceFacts>>()
    for (let i = 0; i < 40; i++) {
      const candidate = await createCandidate(db())
      const attempts = []
      const registrations = []
      for (const [index, exam] of exams.entries()) {
        if (random() < 0.3) {
          await createAttempt(db(), { candidateId: candidate.id, exam: exam.number })
          attempts.push({ exam: exam.number, betaOf: exam.betaOf })
        }
        if (random() < 0.5) {
          const status = STATUSES[Math.floor(random() * STATUSES.length)]!
          const slot = await createSlot(db(), centre, FACTORY_EPOCH + (i * 10 + index + 1) * DAY_MS)
          await insertRegistration(db(), {
            id: `r-${candidate.id}-${exam.number}`,
            candidateId: candidate.id,
            exam: exam.number,
            slotId: slot.id,
            providerId: provider.id,
            status,
            channel: 'api',
            bookedBy: 'token',
            bookedByRole: 'staff',
            waiverId: null,
            attemptId: null,
            version: 1,
            createdAt: FACTORY_EPOCH,
            updatedAt: FACTORY_EPOCH,
            price: null,
            paymentStatus: 'not-required',
            holdExpiresAt: null,
            holdEnded: null,
          })
          registrations.push({ exam: exam.number, betaOf: exam.betaOf, status })
        }
      }
      const byTarget = new Map<ExamNumber, AudienceFacts>()
      for (const exam of [beta, orphan]) {
        const onRoster = random() < 0.3
        if (onRoster) await addToRoster(db(), exam.number, [candidate.id], 'test', FACTORY_EPOCH)
        byTarget.set(exam.number, { onRoster, attempts, registrations })
      }
      facts.set(candidate.id, byTarget)
    }

    for (const exam of [beta, orphan]) {
      const target = { exam: exam.number, liveExam: exam.betaOf }
      for (const [audience, rule] of Object.entries(AUDIENCE_RULES)) {
        const rows = await db()
          .selectFrom('candidates')
          .select('id')
          .where('id', 'in', audienceQuery(db(), target, rule))
          .orderBy('id')
          .execute()
        const expected = [...facts]
          .filter(([, byTarget]) => isInAudience(rule, target, byTarget.get(exam.number)!))
          .map(([id]) => id)
          .sort()
        expect(
          rows.map((row) => row.id),
          `${audience} of ${exam.number}`,
        ).toEqual(expected)
        // A varied set: each audience of the beta with a live exam names some, not all.
        if (exam === beta) expect(expected.length, audience).toBeGreaterThan(0)
        if (exam === beta) expect(expected.length, audience).toBeLessThan(facts.size)
      }
    }
  })
})
