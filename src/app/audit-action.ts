import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { appendAudit } from '../db/audit-log.js'
import type { DB } from '../db/engine/schema.js'
import type { AuditEntry } from '../domain/audit-entry.js'
import type { Instant } from '../domain/instant.js'
import type { Actor } from './actor.js'

/** Appends to the audit trail what `actor` did at `at`, as the actor's token, role and channel. */
export function auditAction(
  db: Kysely<DB>,
  actor: Actor,
  at: Instant,
  entry: Omit<AuditEntry, 'id' | 'at' | 'actorId' | 'actorRole' | 'channel'>,
): Promise<void> {
  return appendAudit(db, {
    id: uuidv7(),
    at,
    actorId: actor.tokenId,
    actorRole: actor.role,
    channel: actor.channel,
    ...entry,
  })
}
