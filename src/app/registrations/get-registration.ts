import type { Kysely } from 'kysely'
import { listAuditOf } from '../../db/audit-log.js'
import { findCandidate } from '../../db/candidates/candidates.js'
import type { Paging } from '../../db/engine/paging.js'
import type { DB } from '../../db/engine/schema.js'
import {
  countRegistrationsOfCandidate,
  listRegistrationsOfCandidate,
} from '../../db/registrations/registrations.js'
import { scopeProviderFilter } from '../../domain/object-access.js'
import type { Principal } from '../../domain/principal.js'
import { getCandidateFor } from '../candidates/get-candidate.js'
import type { Page } from '../page.js'
import { describeHistory, type HistoryEntry, REGISTRATION_VERBS } from './registration-history.js'
import {
  loadRegistrationView,
  loadRegistrationViews,
  type RegistrationView,
} from './registration-view.js'
import { findRegistrationFor } from './require-live-booking.js'

/**
 * A registration as read aloud on the phone (any case, with or without
 * dashes), with every change made to it: who (by name), how, when, why,
 * and what the candidate is told of each change someone made for them, on
 * the candidate's clock.
 */
export async function getRegistration(
  deps: { readonly db: Kysely<DB> },
  registrationId: string,
  viewer: Principal,
): Promise<{ readonly registration: RegistrationView; readonly history: HistoryEntry[] }> {
  const registration = await findRegistrationFor(deps.db, registrationId, viewer)
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

/**
 * One page of a candidate's registrations at every provider, newest first,
 * and how many there are; a provider sees those at it only.
 */
export async function listCandidateRegistrations(
  deps: { readonly db: Kysely<DB> },
  candidateId: string,
  paging: Paging,
  viewer: Principal,
): Promise<Page<RegistrationView>> {
  await getCandidateFor(deps, candidateId, viewer, 'id')
  const scope = scopeProviderFilter(viewer, undefined)
  if (scope === 'nothing') return { items: [], total: 0 }
  const of = {
    candidateId,
    ...(scope.providerId === undefined ? {} : { providerId: scope.providerId }),
  }
  const [registrations, total] = await Promise.all([
    listRegistrationsOfCandidate(deps.db, of, paging),
    countRegistrationsOfCandidate(deps.db, of),
  ])
  return { items: await loadRegistrationViews(deps.db, registrations), total }
}
