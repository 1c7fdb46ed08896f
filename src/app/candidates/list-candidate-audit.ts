import type { Kysely } from 'kysely'
import { countAuditOfCandidate, pageAuditOfCandidate } from '../../db/audit-log.js'
import type { Paging } from '../../db/engine/paging.js'
import type { DB } from '../../db/engine/schema.js'
import type { AuditEntry } from '../../domain/audit-entry.js'
import { maskCodesInText, maskCodesInValue } from '../../domain/code-mask.js'
import type { Principal } from '../../domain/principal.js'
import type { Page } from '../page.js'
import { getCandidateFor } from './get-candidate.js'

/**
 * Everything done to a candidate's records, newest first, a page at a
 * time: each entry with when, what (the action and its subject), who (the
 * person by name, their role, a token's label, the provider a token acts
 * for), by which channel and why. Voucher codes are masked in what is shown
 * (the subject, the detail and the reason), as the outbox masks them: staff
 * see which code, not the code.
 */
export async function listCandidateAudit(
  deps: { readonly db: Kysely<DB> },
  candidateId: string,
  paging: Paging,
  viewer: Principal,
): Promise<Page<AuditEntry>> {
  const candidate = await getCandidateFor(deps, candidateId, viewer, 'id')
  const [entries, total] = await Promise.all([
    pageAuditOfCandidate(deps.db, candidate.id, paging),
    countAuditOfCandidate(deps.db, candidate.id),
  ])
  return { items: entries.map(maskEntry), total }
}

function maskEntry(entry: AuditEntry): AuditEntry {
  return {
    ...entry,
    // A code issued or enrolled is the entry's subject: its id is the code itself.
    subjectId: entry.subjectType === 'voucher' ? maskCodesInText(entry.subjectId) : entry.subjectId,
    reason: entry.reason == null ? null : maskCodesInText(entry.reason),
    detail: maskCodesInValue(entry.detail) as Record<string, unknown>,
  }
}
