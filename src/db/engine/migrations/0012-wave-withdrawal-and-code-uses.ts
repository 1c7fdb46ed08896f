import { sql } from 'kysely'
import { instantType } from '../columns.js'
import { type AnyKysely, dialectOf } from '../dialect.js'

/**
 * - A wave that never opened can be withdrawn: the wave and its invitations
 *   say when. A withdrawn invitation no longer counts as the candidate's one
 *   invitation to the beta, so the unique index on exam and candidate covers
 *   live invitations only. An invitation that re-admitted a cancelled
 *   registration names it, so that withdrawing the wave can undo that.
 * - A code can be voided (its wave was withdrawn).
 * - A code whose uses are counted (a 15 % code, a wave's code good for 200
 *   registrations) keeps the count on its row: a registration takes a use
 *   with one conditional UPDATE (`uses_taken < limit`), so concurrent
 *   registrations queue on the row only for that statement and each finds a
 *   use while any is left.
 */
export async function up(db: AnyKysely): Promise<void> {
  const instant = instantType(db)
  await db.schema.alterTable('invitation_waves').addColumn('withdrawn_at', instant).execute()
  await db.schema.alterTable('vouchers').addColumn('voided_at', instant).execute()
  await db.schema
    .alterTable('vouchers')
    .addColumn('uses_taken', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await sql`
    update vouchers set uses_taken = (
      select count(*) from voucher_uses
      where voucher_uses.voucher_code = vouchers.code
        and voucher_uses.returned_at is null
        and voucher_uses.kind in ('percent-off', 'free-exam')
    )`.execute(db)

  if (dialectOf(db) === 'postgres') {
    await db.schema.alterTable('wave_invitations').addColumn('withdrawn_at', instant).execute()
    await db.schema
      .alterTable('wave_invitations')
      .addColumn('readmitted_registration_id', 'text', (c) => c.references('registrations.id'))
      .execute()
    await db.schema
      .alterTable('wave_invitations')
      .dropConstraint('wave_invitations_candidate_key')
      .execute()
  } else {
    // SQLite cannot drop a table's UNIQUE constraint: the table is built again.
    await db.schema
      .createTable('wave_invitations_next')
      .addColumn('wave_id', 'text', (c) => c.notNull().references('invitation_waves.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('exam_number', 'text', (c) => c.notNull())
      .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
      .addColumn('voucher_code', 'text', (c) => c.references('vouchers.code'))
      .addColumn('created_at', instant, (c) => c.notNull())
      .addColumn('mailed_at', instant)
      .addColumn('withdrawn_at', instant)
      .addColumn('readmitted_registration_id', 'text', (c) => c.references('registrations.id'))
      .addPrimaryKeyConstraint('wave_invitations_pk', ['wave_id', 'position'])
      .execute()
    await sql`
      insert into wave_invitations_next
        (wave_id, position, exam_number, candidate_id, voucher_code, created_at, mailed_at)
      select wave_id, position, exam_number, candidate_id, voucher_code, created_at, mailed_at
      from wave_invitations`.execute(db)
    await db.schema.dropTable('wave_invitations').execute()
    await sql`alter table wave_invitations_next rename to wave_invitations`.execute(db)
  }
  await db.schema
    .createIndex('wave_invitations_candidate_key')
    .on('wave_invitations')
    .columns(['exam_number', 'candidate_id'])
    .unique()
    .where(sql.ref('withdrawn_at'), 'is', null)
    .execute()
}
