import { sql } from 'kysely'
import { instantType } from '../columns.js'
import type { AnyKysely } from '../dialect.js'

/**
 * Appointments: the providers' change rules and the exams they deliver,
 * test centres, slots with seats, registrations, the append-only audit log,
 * idempotency keys and the mail outbox.
 */
export async function up(db: AnyKysely): Promise<void> {
  const instant = instantType(db)

  // How late a candidate may change an appointment is each provider's rule.
  await db.schema
    .alterTable('providers')
    .addColumn('reschedule_cutoff_hours', 'integer', (c) => c.notNull().defaultTo(24))
    .execute()
  await db.schema
    .alterTable('providers')
    .addColumn('cancel_cutoff_hours', 'integer', (c) => c.notNull().defaultTo(24))
    .execute()

  await db.schema
    .createTable('provider_exams')
    .addColumn('provider_id', 'text', (c) => c.notNull().references('providers.id'))
    .addColumn('exam_number', 'text', (c) => c.notNull().references('exams.number'))
    .addPrimaryKeyConstraint('provider_exams_pk', ['provider_id', 'exam_number'])
    .execute()
  await db.schema
    .createIndex('provider_exams_exam_idx')
    .on('provider_exams')
    .column('exam_number')
    .execute()

  await db.schema
    .createTable('test_centres')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider_id', 'text', (c) => c.notNull().references('providers.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addCheckConstraint('test_centres_latitude_check', sql`latitude between -90 and 90`)
    .addCheckConstraint('test_centres_longitude_check', sql`longitude between -180 and 180`)
    .execute()
  await db.schema
    .createIndex('test_centres_provider_idx')
    .on('test_centres')
    .column('provider_id')
    .execute()
  await db.schema
    .createIndex('test_centres_position_idx')
    .on('test_centres')
    .columns(['latitude', 'longitude'])
    .execute()

  await db.schema
    .createTable('slots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('centre_id', 'text', (c) => c.notNull().references('test_centres.id'))
    .addColumn('starts_at', instant, (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instant, (c) => c.notNull())
    // The second line of defence behind the conditional update that takes a seat.
    .addCheckConstraint(
      'slots_seats_check',
      sql`booked >= 0 and booked <= capacity and capacity > 0`,
    )
    .execute()
  await db.schema
    .createIndex('slots_centre_start_idx')
    .on('slots')
    .columns(['centre_id', 'starts_at'])
    .unique()
    .execute()
  await db.schema.createIndex('slots_start_idx').on('slots').column('starts_at').execute()

  await db.schema
    .createTable('registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
    .addColumn('exam_number', 'text', (c) => c.notNull().references('exams.number'))
    .addColumn('slot_id', 'text', (c) => c.notNull().references('slots.id'))
    .addColumn('provider_id', 'text', (c) => c.notNull().references('providers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('booked_by', 'text', (c) => c.notNull())
    .addColumn('booked_by_role', 'text', (c) => c.notNull())
    .addColumn('waiver_id', 'text', (c) => c.references('waivers.id'))
    .addColumn('attempt_id', 'text', (c) => c.references('attempts.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addCheckConstraint(
      'registrations_status_check',
      sql`status in ('booked', 'checked-in', 'completed', 'no-show', 'cancelled')`,
    )
    .addCheckConstraint('registrations_channel_check', sql`channel in ('api', 'phone', 'web')`)
    .execute()
  // One live registration per candidate and exam, whatever the code above checked.
  await db.schema
    .createIndex('registrations_live_idx')
    .on('registrations')
    .columns(['candidate_id', 'exam_number'])
    .unique()
    .where(sql.ref('status'), 'in', ['booked', 'checked-in'])
    .execute()
  await db.schema
    .createIndex('registrations_candidate_idx')
    .on('registrations')
    .columns(['candidate_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('registrations_slot_idx')
    .on('registrations')
    .column('slot_id')
    .execute()

  // A booking that relied on an approved exception holds it; a cancelled one gives it back.
  await db.schema
    .alterTable('waivers')
    .addColumn('held_by_registration_id', 'text', (c) => c.references('registrations.id'))
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', instant, (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.references('candidates.id'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('audit_log_subject_idx')
    .on('audit_log')
    .columns(['subject_type', 'subject_id', 'at'])
    .execute()
  await db.schema
    .createIndex('audit_log_candidate_idx')
    .on('audit_log')
    .columns(['candidate_id', 'at'])
    .execute()

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('principal_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['principal_id', 'key'])
    .execute()

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Two writes of the same message (a retried use case) are one message.
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.references('candidates.id'))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    // JSON: [{ filename, contentType, content }]
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('tries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('available_at', instant, (c) => c.notNull())
    .addColumn('claimed_until', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('sent_at', instant)
    .addCheckConstraint('outbox_status_check', sql`status in ('pending', 'sent', 'failed')`)
    .execute()
  await db.schema
    .createIndex('outbox_due_idx')
    .on('outbox')
    .columns(['status', 'available_at'])
    .execute()
}
