import type { Kysely } from 'kysely'
import {
  listMailedInvitationsOfCandidate,
  type MailedInvitation,
} from '../../db/beta/wave-invitations.js'
import type { DB } from '../../db/engine/schema.js'
import type { BetaAccess } from '../../domain/beta-programme.js'
import type { Candidate } from '../../domain/candidate.js'
import { getCandidate } from '../candidates/get-candidate.js'
import { catalogueOf } from '../catalogue/catalogue-cache.js'
import { getCatalogueExam } from '../catalogue/get-exam.js'
import type { Clock } from '../clock.js'
import { readBetaAccess } from './beta-access.js'

/** An invitation the candidate received, and what it lets them do now. */
export interface HeldInvitation {
  readonly invitation: MailedInvitation
  /** May they register for the beta now; the programme's answer, as registering would give it. */
  readonly access: BetaAccess
}

/**
 * The beta invitations a candidate was mailed, each with what it allows now:
 * the same programme decision a registration for the exam would meet
 * (region, one registration per beta, the waves' priority, the seats left).
 */
export async function listBetaInvitations(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  candidateId: string,
): Promise<{ readonly candidate: Candidate; readonly items: HeldInvitation[] }> {
  const candidate = await getCandidate(deps, candidateId, 'id')
  const invitations = await listMailedInvitationsOfCandidate(deps.db, candidate.id)
  const items = await Promise.all(
    invitations.map(async (invitation): Promise<HeldInvitation> => {
      const exam = await getCatalogueExam(catalogueOf(deps), invitation.exam)
      const beta = await readBetaAccess(deps.db, candidate, exam)
      // An invitation outlives nothing: with no programme left, it allows nothing.
      const access: BetaAccess = beta?.access ?? {
        allowed: false,
        code: 'NOT_INVITED',
        reason: `The ${invitation.exam} beta has no programme any more.`,
      }
      return { invitation, access }
    }),
  )
  return { candidate, items }
}
