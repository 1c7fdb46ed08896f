import { instantType } from '../columns.js'
import { type AnyKysely, dialectOf } from '../dialect.js'

/**
 * Counts kept per closed day, so that a report over a year reads a few
 * thousand counts instead of millions of rows.
 *
 * - `report_day_counts`: for one calendar day on one zone's clock, one
 *   count (`measure`, such as `registered` or `sat`) per provider and per
 *   what the report groups by (`subject`: an exam, a centre, an offer with
 *   its version in `variant`): how many (`n`), a sum (`total`: seats,
 *   minutes of waits) and a least value (`least`: the shortest wait). A
 *   day's counts are replaced whole, in one transaction, by whoever counts
 *   it again: there is no running total that two processes would add to.
 * - `report_counted_days`: the days whose counts are there, per zone.
 * - `report_count_marks`: per zone, the instant the counts are true as of;
 *   a row changed since then (found by its own instants) makes its day
 *   open again, read from the rows until the day is counted anew.
 * - Indexes that find the rows changed since an instant: registrations,
 *   attempts and codes by their last change, slots by when they were made.
 * - Registrations and attempts by candidate and exam with their status or
 *   outcome and provider: the waves report asks of each invitee whether
 *   they registered and sat, answered from the index entry alone.
 */
export async function up(db: AnyKysely): Promise<void> {
  const big = dialectOf(db) === 'postgres' ? 'bigint' : 'integer'
  const instant = instantType(db)
  await db.schema
    .createTable('report_day_counts')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('variant', 'integer', (c) => c.notNull())
    .addColumn('n', big, (c) => c.notNull())
    .addColumn('total', big, (c) => c.notNull())
    .addColumn('least', big)
    .addPrimaryKeyConstraint('report_day_counts_pk', [
      'time_zone',
      'day',
      'measure',
      'provider_id',
      'subject',
      'variant',
    ])
    .execute()
  await db.schema
    .createTable('report_counted_days')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('counted_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('report_counted_days_pk', ['time_zone', 'day'])
    .execute()
  await db.schema
    .createTable('report_count_marks')
    .addColumn('time_zone', 'text', (c) => c.primaryKey())
    .addColumn('as_of', instant, (c) => c.notNull())
    .execute()

  await db.schema
    .createIndex('registrations_updated_idx')
    .on('registrations')
    .column('updated_at')
    .execute()
  await db.schema.createIndex('attempts_updated_idx').on('attempts').column('updated_at').execute()
  await db.schema.createIndex('slots_created_idx').on('slots').column('created_at').execute()
  await db.schema
    .createIndex('registrations_candidate_exam_report_idx')
    .on('registrations')
    .columns(['candidate_id', 'exam_number', 'status', 'provider_id'])
    .execute()
  await db.schema
    .createIndex('attempts_candidate_exam_report_idx')
    .on('attempts')
    .columns(['candidate_id', 'exam_number', 'outcome', 'provider_id'])
    .execute()
  await db.schema.createIndex('vouchers_voided_idx').on('vouchers').column('voided_at').execute()
}
