import { sql } from 'kysely'
import { type AnyKysely, dialectOf } from '../dialect.js'

/**
 * What the programme's reports read fast at millions of registrations.
 *
 * - `attempts.minutes_since_previous`: how long after the candidate's
 *   previous attempt at the same exam this one was taken; null for their
 *   first. Written with the attempt, in its transaction (and the next
 *   attempt's corrected there when a sitting is reported late), so that
 *   first-attempt pass rates and the waits before retakes are read from
 *   one index range instead of a probe of the history per attempt. Filled
 *   here for the attempts there are.
 * - Indexes that hold everything a report counts, ordered by the instant
 *   the report's period is on, so that each report reads one range of one
 *   index and no table row.
 */
export async function up(db: AnyKysely): Promise<void> {
  await db.schema.alterTable('attempts').addColumn('minutes_since_previous', 'integer').execute()
  const minutes =
    dialectOf(db) === 'postgres'
      ? sql`floor(extract(epoch from (attempts.taken_at - previous.taken_at)) / 60)`
      : sql`cast((julianday(attempts.taken_at) - julianday(previous.taken_at)) * 1440 + 0.000001 as integer)`
  await sql`
    update attempts set minutes_since_previous = (
      select ${minutes} from attempts as previous
      where previous.candidate_id = attempts.candidate_id
        and previous.exam_number = attempts.exam_number
        and previous.taken_at < attempts.taken_at
      order by previous.taken_at desc limit 1
    )`.execute(db)

  await db.schema
    .createIndex('attempts_report_idx')
    .on('attempts')
    .columns(['taken_at', 'provider_id', 'exam_number', 'outcome', 'minutes_since_previous'])
    .execute()
  await db.schema
    .createIndex('registrations_created_report_idx')
    .on('registrations')
    .columns(['created_at', 'provider_id'])
    .execute()
  await db.schema
    .createIndex('registrations_status_report_idx')
    .on('registrations')
    .columns(['status', 'updated_at', 'provider_id', 'slot_id'])
    .execute()
  await db.schema
    .createIndex('slots_report_idx')
    .on('slots')
    .columns(['starts_at', 'provider_id', 'centre_id', 'capacity', 'booked'])
    .execute()
  await db.schema
    .createIndex('vouchers_issued_report_idx')
    .on('vouchers')
    .columns(['issued_at', 'offer_id', 'offer_version'])
    .execute()
  await db.schema
    .createIndex('vouchers_expires_report_idx')
    .on('vouchers')
    .columns(['expires_at', 'offer_id', 'offer_version'])
    .execute()
  await db.schema
    .createIndex('voucher_uses_used_report_idx')
    .on('voucher_uses')
    .columns(['used_at', 'kind', 'voucher_code', 'registration_id'])
    .execute()
  await db.schema
    .createIndex('voucher_uses_returned_report_idx')
    .on('voucher_uses')
    .columns(['returned_at', 'voucher_code', 'registration_id'])
    .execute()
  await db.schema
    .createIndex('exception_requests_requested_report_idx')
    .on('exception_requests')
    .columns(['requested_at'])
    .execute()
}
