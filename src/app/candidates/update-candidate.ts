import type { Kysely } from 'kysely'
import { findAccountOfCandidate, renameAccount } from '../../db/accounts/accounts.js'
import { findCandidate, updateCandidateProfile } from '../../db/candidates/candidates.js'
import type { DB } from '../../db/engine/schema.js'
import { displayNameOf } from '../../domain/account.js'
import type { Candidate } from '../../domain/candidate.js'
import type { Instant } from '../../domain/instant.js'
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
 * is. The account linked to the record goes by the new name from the same
 * transaction on (its display name, which staff see and the candidate is
 * greeted by), audited on the account. The email is not changed here: a
 * new address is verified before it is used. The country is kept too: it
 * decides where a beta is offered. Answers the candidate as stored;
 * nothing is written when nothing changes.
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
    await renameLinkedAccount(trx, actor, now, after)
    return after
  })
}

/** The account linked to `candidate`, renamed to the name the record now has (when it had another). */
async function renameLinkedAccount(
  trx: Kysely<DB>,
  actor: Actor,
  now: Instant,
  candidate: Candidate,
): Promise<void> {
  const account = await findAccountOfCandidate(trx, candidate.id)
  const displayName = displayNameOf(candidate)
  if (account === null || account.displayName === displayName) return
  await renameAccount(trx, account.id, displayName)
  await auditAction(trx, actor, now, {
    candidateId: candidate.id,
    subjectType: 'account',
    subjectId: account.id,
    action: 'display-name-changed',
    detail: { from: account.displayName, to: displayName },
  })
}
