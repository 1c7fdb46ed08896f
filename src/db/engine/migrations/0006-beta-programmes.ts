import { sql } from 'kysely'
import { instantType } from '../columns.js'
import type { AnyKysely } from '../dialect.js'

/**
 * Beta programmes: one per beta exam, with its seat limit (counted by a
 * conditional update, like a slot's seats), roster, restricted countries and
 * results date; and the one registration a candidate may ever make for a
 * beta exam, at any provider (its primary key is the rule).
 */
export async function up(db: AnyKysely): Promise<void> {
  const instant = instantType(db)
  await db.schema
    .createTable('beta_programmes')
    .addColumn('exam_number', 'text', (c) => c.primaryKey().references('exams.number'))
    .addColumn('seat_limit', 'integer', (c) => c.notNull())
    .addColumn('seats_taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepts_new_candidates', 'integer', (c) => c.notNull())
    /** JSON array of ISO 3166-1 alpha-2 codes. */
    .addColumn('restricted_countries', 'text', (c) => c.notNull())
    .addColumn('results_release_at', instant, (c) => c.notNull())
    .addColumn('results_released_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addCheckConstraint(
      'beta_programmes_seats_check',
      sql`seats_taken >= 0 and seats_taken <= seat_limit`,
    )
    .execute()
  await db.schema
    .createTable('beta_roster')
    .addColumn('exam_number', 'text', (c) => c.notNull().references('beta_programmes.exam_number'))
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
    .addColumn('added_at', instant, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('beta_roster_pk', ['exam_number', 'candidate_id'])
    .execute()
  await db.schema
    .createTable('beta_registrations')
    .addColumn('exam_number', 'text', (c) => c.notNull().references('beta_programmes.exam_number'))
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('beta_registrations_pk', ['exam_number', 'candidate_id'])
    .execute()
}
