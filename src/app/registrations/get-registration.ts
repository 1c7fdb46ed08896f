import type { Kysely } from 'kysely'
import { listAuditOf } from '../../db/audit-log.js'
import { findCandidate } from '../../db/candidates/candidates.js'
import type { Paging } from '../../db/engine/paging.js'
import type { DB } from '../../db/engine/schema.js'
import {
  countRegistrationsOfCandidate,
  findRegistration,
  listRegistrationsOfCandidate,
} from '../../db/registrations/registrations.js'
import { parseRegistrationCode } from '../../domain/registration-code.js'
import { getCandidate } from '../candidates/get-candidate.js'
import { AppError } from '../errors.js'
import type { Page } from '../page.js'
import { describeHistory, type HistoryEntry, REGISTRATION_VERBS } from './registration-history.js'
import { loadRegistrationView, type RegistrationView } from './registration-view.js'

/**
 * A registration as read aloud on the phone (any case, with or without
 * dashes), with every change made to it: who (by name), how, when, why,
 * and what the candidate is told of each change someone made for them, on
 * the candidate's clock.
 */
export async function getRegistration(
  deps: { readonly db: Kysely<DB> },
  registrationId: string,
): Promise<{ readonly registration: RegistrationView; readonly history: HistoryEntry[] }> {
  const id = parseRegistrationCode(registrationId) ?? registrationId
  const registration = await findRegistration(deps.db, id)
  if (!registration) throw new AppError('REGISTRATION_NOT_FOUND', { field: 'id', registrationId })
  const [view, history, candidate] = await Promise.all([
    loadRegistrationView(deps.db, registration),
    listAuditOf(deps.db, 'registration', registration.id),
    findCandidate(deps.db, registration.candidateId),
  ])
  const timeZone = candidate?.timeZone ?? view.centre.timeZone
  return {
    registration: view,
    history: describeHistory(history, {
      verbs: REGISTRATION_VERBS,
      timeZone,
      provider: view.provider,
    }),
  }
}

/** One page of a candidate's registrations at every provider, newest first, and how many there are. */
export async function listCandidateRegistrations(
  deps: { readonly db: Kysely<DB> },
  candidateId: string,
  paging: Paging,
): Promise<Page<RegistrationView>> {
  await getCandidate(deps, candidateId, 'id')
  const [registrations, total] = await Promise.all([
    listRegistrationsOfCandidate(deps.db, candidateId, paging),
    countRegistrationsOfCandidate(deps.db, candidateId),
  ])
  const items = await Promise.all(
    registrations.map((registration) => loadRegistrationView(deps.db, registration)),
  )
  return { items, total }
}
