import type { Kysely } from 'kysely'
import { findBetaProgramme, findBetaRegistration, isOnRoster } from '../db/beta-programmes.js'
import type { Candidate } from '../db/candidates.js'
import type { DB } from '../db/schema.js'
import { type BetaAccess, type BetaProgramme, judgeBetaAccess } from '../domain/beta-programme.js'
import { type Exam, mayHaveProgramme } from '../domain/exam.js'

/**
 * The exam's beta programme and whether the candidate may register for it;
 * null when the exam has no programme.
 */
export async function readBetaAccess(
  db: Kysely<DB>,
  candidate: Candidate,
  exam: Exam,
): Promise<{ programme: BetaProgramme; access: BetaAccess } | null> {
  if (!mayHaveProgramme(exam)) return null
  const programme = await findBetaProgramme(db, exam.number)
  if (!programme) return null
  const [onRoster, registrationId] = await Promise.all([
    isOnRoster(db, exam.number, candidate.id),
    findBetaRegistration(db, exam.number, candidate.id),
  ])
  return {
    programme,
    access: judgeBetaAccess(programme, { country: candidate.country, onRoster, registrationId }),
  }
}
