import { sql } from 'kysely'
import { instantType } from '../columns.js'
import type { AnyKysely } from '../dialect.js'

/**
 * A beta result reported before its programme's release date is kept here,
 * and the attempt stays `pending` until the release copies it over.
 */
export async function up(db: AnyKysely): Promise<void> {
  const instant = instantType(db)
  await db.schema
    .createTable('withheld_results')
    .addColumn('attempt_id', 'text', (c) => c.primaryKey().references('attempts.id'))
    .addColumn('exam_number', 'text', (c) => c.notNull().references('beta_programmes.exam_number'))
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reported_at', instant, (c) => c.notNull())
    .addColumn('released_at', instant)
    .addCheckConstraint('withheld_results_outcome_check', sql`outcome in ('pass', 'fail')`)
    .execute()
  await db.schema
    .createIndex('withheld_results_exam_idx')
    .on('withheld_results')
    .columns(['exam_number', 'released_at'])
    .execute()
  await db.schema
    .createIndex('withheld_results_candidate_idx')
    .on('withheld_results')
    .column('candidate_id')
    .execute()
}
