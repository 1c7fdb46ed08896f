import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { appendAudit } from '../../db/audit-log.js'
import type { WaveRecord } from '../../db/beta/waves.js'
import type { DB } from '../../db/engine/schema.js'
import type { Instant } from '../../domain/instant.js'
import { auditNamesOf, type WaveActor } from '../actor.js'

export interface WaveAuditEntry {
  readonly wave: Pick<WaveRecord, 'id' | 'exam' | 'position'>
  readonly actor: WaveActor
  readonly now: Instant
  readonly action: string
  readonly detail: Record<string, unknown>
}

/** Appends to the audit trail what `actor` did to a wave; the detail always names its exam and position. */
export async function auditWave(db: Kysely<DB>, entry: WaveAuditEntry): Promise<void> {
  const { wave, actor, now, action, detail } = entry
  await appendAudit(db, {
    id: uuidv7(),
    at: now,
    actorId: actor.id,
    actorRole: actor.role,
    channel: actor.channel,
    ...auditNamesOf(actor),
    candidateId: null,
    subjectType: 'invitation-wave',
    subjectId: wave.id,
    action,
    detail: { exam: wave.exam, position: wave.position, ...detail },
  })
}
