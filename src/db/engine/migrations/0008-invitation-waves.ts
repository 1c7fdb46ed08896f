import { sql } from 'kysely'
import { instantType } from '../columns.js'
import type { AnyKysely } from '../dialect.js'

/**
 * Invitation waves of a beta programme: the waves in order per exam, the
 * intervals each was open (the priority clock counts only those), and one
 * invitation per invitee, with the code it carries and when its mail went
 * into the outbox. A candidate is invited once per beta exam, whatever the
 * wave (a unique index): a later wave never hands them a second code.
 */
export async function up(db: AnyKysely): Promise<void> {
  const instant = instantType(db)
  await db.schema
    .createTable('invitation_waves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exam_number', 'text', (c) => c.notNull().references('beta_programmes.exam_number'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('code_mode', 'text', (c) => c.notNull())
    .addColumn('hours_after_previous', 'integer', (c) => c.notNull())
    .addColumn('offer_id', 'text', (c) => c.notNull())
    .addColumn('offer_version', 'integer', (c) => c.notNull())
    /** The wave's one bearer code (`per-wave`); null for bound codes. */
    .addColumn('bearer_code', 'text', (c) => c.references('vouchers.code'))
    .addColumn('invited', 'integer', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('invitation_waves_position_key', ['exam_number', 'position'])
    .addCheckConstraint('invitation_waves_position_check', sql`position >= 1`)
    .addCheckConstraint('invitation_waves_hours_check', sql`hours_after_previous >= 0`)
    .execute()
  await db.schema
    .createTable('invitation_wave_intervals')
    .addColumn('wave_id', 'text', (c) => c.notNull().references('invitation_waves.id'))
    .addColumn('started_at', instant, (c) => c.notNull())
    .addColumn('ended_at', instant)
    .addPrimaryKeyConstraint('invitation_wave_intervals_pk', ['wave_id', 'started_at'])
    .execute()
  await db.schema
    .createTable('wave_invitations')
    .addColumn('wave_id', 'text', (c) => c.notNull().references('invitation_waves.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('exam_number', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
    /** The invitee's own code (`single-use`); null when the wave's bearer code serves. */
    .addColumn('voucher_code', 'text', (c) => c.references('vouchers.code'))
    .addColumn('created_at', instant, (c) => c.notNull())
    /** When the invitation mail went into the outbox, in the same transaction. */
    .addColumn('mailed_at', instant)
    .addPrimaryKeyConstraint('wave_invitations_pk', ['wave_id', 'position'])
    .addUniqueConstraint('wave_invitations_candidate_key', ['exam_number', 'candidate_id'])
    .execute()
}
