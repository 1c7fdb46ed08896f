import { sql } from 'kysely'
import { instantType } from '../columns.js'
import type { AnyKysely } from '../dialect.js'

/**
 * Retake-exception requests: what a candidate (or support on their behalf)
 * asked about one sitting, and how support decided. An approval points at
 * the waiver it granted, so the request shows whether the exception is still
 * free, held by a booking, or used.
 *
 * A registration has at most one request that is open or approved (a partial
 * unique index): two requests for one sitting cannot both be pending, and an
 * exception granted for it cannot be asked for again. After a denial a new
 * request may be filed, with what was missing.
 */
export async function up(db: AnyKysely): Promise<void> {
  const instant = instantType(db)
  await db.schema
    .createTable('exception_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id'))
    .addColumn('exam_number', 'text', (c) => c.notNull().references('exams.number'))
    // As the request gave them (checked against the candidate when it was made).
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('provider_case_number', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('requested_at', instant, (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_by_role', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', instant)
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_by_role', 'text')
    .addColumn('review_note', 'text')
    .addColumn('waives_wait', 'integer')
    .addColumn('waives_limit', 'integer')
    .addColumn('waiver_id', 'text', (c) => c.references('waivers.id'))
    .addCheckConstraint(
      'exception_requests_reason_check',
      sql`reason in ('lab-crash', 'connectivity', 'equipment-failure')`,
    )
    .addCheckConstraint(
      'exception_requests_status_check',
      sql`status in ('open', 'approved', 'denied')`,
    )
    // A reviewed request says when, by whom and why; an open one has none of it.
    .addCheckConstraint(
      'exception_requests_review_check',
      sql`(status = 'open' and reviewed_at is null and reviewed_by is null and review_note is null)
        or (status <> 'open' and reviewed_at is not null and reviewed_by is not null and review_note is not null)`,
    )
    // An approval grants a waiver that lifts something; a denial grants none.
    .addCheckConstraint(
      'exception_requests_waiver_check',
      sql`(status = 'approved' and waiver_id is not null and (waives_wait = 1 or waives_limit = 1))
        or (status <> 'approved' and waiver_id is null)`,
    )
    .execute()
  await db.schema
    .createIndex('exception_requests_registration_idx')
    .on('exception_requests')
    .column('registration_id')
    .unique()
    .where(sql<boolean>`status in ('open', 'approved')`)
    .execute()
  await db.schema
    .createIndex('exception_requests_candidate_idx')
    .on('exception_requests')
    .columns(['candidate_id', 'requested_at'])
    .execute()
}
