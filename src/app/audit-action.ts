import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { appendAudit } from '../db/audit-log.js'
import type { DB } from '../db/engine/schema.js'
import type { AuditEntry } from '../domain/audit-entry.js'
import type { Instant } from '../domain/instant.js'
import type { Actor } from './actor.js'

type ActorFields =
  | 'id'
  | 'at'
  | 'actorId'
  | 'actorRole'
  | 'channel'
  | 'actorAccountId'
  | 'actorName'
  | 'actorLabel'
  | 'actorProviderId'
  | 'reason'

/** Appends to the audit trail what `actor` did at `at`, naming the actor: principal, person or token, role, provider, channel and reason. */
export function auditAction(
  db: Kysely<DB>,
  actor: Actor,
  at: Instant,
  entry: Omit<AuditEntry, ActorFields>,
): Promise<void> {
  return appendAudit(db, {
    id: uuidv7(),
    at,
    actorId: actor.principalId,
    actorRole: actor.role,
    channel: actor.channel,
    actorAccountId: actor.accountId,
    actorName: actor.displayName,
    actorLabel: actor.tokenLabel,
    actorProviderId: actor.providerId,
    reason: actor.reason,
    ...entry,
  })
}
