import type { Kysely } from 'kysely'
import { type AuditEntry, listAuditOf } from '../db/audit-log.js'
import { findRegistration, listRegistrationsOfCandidate } from '../db/registrations.js'
import type { DB } from '../db/schema.js'
import { parseRegistrationCode } from '../domain/registration-code.js'
import { AppError } from './errors.js'
import { getCandidate } from './get-candidate.js'
import { loadRegistrationView, type RegistrationView } from './registration-view.js'

/** A registration as read aloud on the phone (any case, with or without dashes), with every change made to it. */
export async function getRegistration(
  deps: { readonly db: Kysely<DB> },
  registrationId: string,
): Promise<{ readonly registration: RegistrationView; readonly history: AuditEntry[] }> {
  const id = parseRegistrationCode(registrationId) ?? registrationId
  const registration = await findRegistration(deps.db, id)
  if (!registration) throw new AppError('REGISTRATION_NOT_FOUND', { field: 'id', registrationId })
  const [view, history] = await Promise.all([
    loadRegistrationView(deps.db, registration),
    listAuditOf(deps.db, 'registration', registration.id),
  ])
  return { registration: view, history }
}

/** A candidate's registrations at every provider, newest first. */
export async function listCandidateRegistrations(
  deps: { readonly db: Kysely<DB> },
  candidateId: string,
): Promise<RegistrationView[]> {
  await getCandidate(deps, candidateId, 'id')
  const registrations = await listRegistrationsOfCandidate(deps.db, candidateId)
  return Promise.all(
    registrations.map((registration) => loadRegistrationView(deps.db, registration)),
  )
}
