import type { Kysely, Selectable } from 'kysely'
import type { AuditEntry } from '../domain/audit-entry.js'
import { countRows, readInstant, writeInstant } from './engine/columns.js'
import type { Paging } from './engine/paging.js'
import { reusableInsert } from './engine/reusable-query.js'
import type { AuditLogTable, DB } from './engine/schema.js'

/** Appends an entry. There is no update or delete: the trail only grows. */
const insertAuditRow = reusableInsert('audit_log')

export async function appendAudit(db: Kysely<DB>, entry: AuditEntry): Promise<void> {
  await insertAuditRow(db, {
    id: entry.id,
    at: writeInstant(entry.at),
    actor_id: entry.actorId,
    actor_role: entry.actorRole,
    channel: entry.channel,
    actor_account_id: entry.actorAccountId ?? null,
    actor_name: entry.actorName ?? null,
    actor_label: entry.actorLabel ?? null,
    actor_provider_id: entry.actorProviderId ?? null,
    reason: entry.reason ?? null,
    candidate_id: entry.candidateId,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId,
    action: entry.action,
    detail: JSON.stringify(entry.detail),
  })
}

/** Every entry about one record, oldest first. */
export async function listAuditOf(
  db: Kysely<DB>,
  subjectType: string,
  subjectId: string,
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('at')
    .orderBy('id')
    .execute()
  return rows.map(toAuditEntry)
}

/** One page of everything done to a candidate's records, newest first (ties by id, so the order is stable). */
export async function pageAuditOfCandidate(
  db: Kysely<DB>,
  candidateId: string,
  paging: Paging,
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('candidate_id', '=', candidateId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(paging.limit)
    .offset(paging.offset)
    .execute()
  return rows.map(toAuditEntry)
}

/** How many entries of the trail are about a candidate's records. */
export function countAuditOfCandidate(db: Kysely<DB>, candidateId: string): Promise<number> {
  return countRows(db.selectFrom('audit_log').where('candidate_id', '=', candidateId))
}

function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    at: readInstant(row.at),
    actorId: row.actor_id,
    actorRole: row.actor_role,
    channel: row.channel,
    actorAccountId: row.actor_account_id,
    actorName: row.actor_name,
    actorLabel: row.actor_label,
    actorProviderId: row.actor_provider_id,
    reason: row.reason,
    candidateId: row.candidate_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    action: row.action,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
  }
}
