import type { Kysely } from 'kysely'
import { findCandidate, updateCandidateProfile } from '../../db/candidates/candidates.js'
import type { DB } from '../../db/engine/schema.js'
import type { Candidate } from '../../domain/candidate.js'
import { mayAccess } from '../../domain/object-access.js'
import type { Actor } from '../actor.js'
import { auditAction } from '../audit-action.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { requireName, requireTimeZone } from '../input-fields.js'
import { runCommand } from '../run-command.js'

/** What of a profile may be changed: the name as on the candidate's ID, and the zone times are shown in. */
export interface ProfileChange {
  readonly firstName?: string
  readonly lastName?: string
  readonly timeZone?: string
}

const FIELDS = ['firstName', 'lastName', 'timeZone'] as const

/**
 * Changes a candidate's name or time zone, audited with what was and what
 * is. The email is not changed here: a new address is verified before it is
 * used. The country is kept too: it decides where a beta is offered.
 * Answers the candidate as stored; nothing is written when nothing changes.
 */
export async function updateCandidate(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  actor: Actor,
  candidateId: string,
  change: ProfileChange,
): Promise<Candidate> {
  const wanted = {
    ...(change.firstName === undefined
      ? {}
      : { firstName: requireName(change.firstName, 'firstName') }),
    ...(change.lastName === undefined
      ? {}
      : { lastName: requireName(change.lastName, 'lastName') }),
    ...(change.timeZone === undefined ? {} : { timeZone: requireTimeZone(change.timeZone) }),
  }
  const now = deps.clock.now()
  return runCommand(deps, {}, async (trx) => {
    const before = await findCandidate(trx, candidateId)
    if (!before || !mayAccess(actor.principal, { kind: 'candidate', candidateId })) {
      throw new AppError('CANDIDATE_NOT_FOUND', { field: 'id', candidateId })
    }
    const after: Candidate = { ...before, ...wanted }
    const changed = Object.fromEntries(
      FIELDS.filter((field) => before[field] !== after[field]).map((field) => [
        field,
        { from: before[field], to: after[field] },
      ]),
    )
    if (Object.keys(changed).length === 0) return before
    await updateCandidateProfile(trx, after)
    await auditAction(trx, actor, now, {
      candidateId: before.id,
      subjectType: 'candidate',
      subjectId: before.id,
      action: 'profile-changed',
      detail: changed,
    })
    return after
  })
}
