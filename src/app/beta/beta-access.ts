import type { Kysely } from 'kysely'
import {
  findBetaProgramme,
  findBetaRegistration,
  isOnRoster,
} from '../../db/beta/beta-programmes.js'
import { findUnopenedInvitation } from '../../db/beta/wave-invitations.js'
import type { DB } from '../../db/engine/schema.js'
import {
  type BetaAccess,
  type BetaProgramme,
  decideBetaAccess,
} from '../../domain/beta-programme.js'
import type { Candidate } from '../../domain/candidate.js'
import { type Exam, mayHaveProgramme } from '../../domain/exam.js'

/**
 * The exam's beta programme and whether the candidate may register for it;
 * null when the exam has no programme.
 */
export async function readBetaAccess(
  db: Kysely<DB>,
  candidate: Candidate,
  exam: Exam,
  /** A draft wave whose self-check is running: its invitation counts as open. */
  rehearsedWaveId: string | null = null,
): Promise<{ programme: BetaProgramme; access: BetaAccess } | null> {
  if (!mayHaveProgramme(exam)) return null
  const programme = await findBetaProgramme(db, exam.number)
  if (!programme) return null
  const [onRoster, registrationId, invitedBy] = await Promise.all([
    isOnRoster(db, exam.number, candidate.id),
    findBetaRegistration(db, exam.number, candidate.id),
    findUnopenedInvitation(db, exam.number, candidate.id),
  ])
  const waitingForWave = invitedBy && invitedBy.id !== rehearsedWaveId ? invitedBy : null
  return {
    programme,
    access: decideBetaAccess(programme, {
      country: candidate.country,
      onRoster,
      registrationId,
      waitingForWave,
    }),
  }
}
