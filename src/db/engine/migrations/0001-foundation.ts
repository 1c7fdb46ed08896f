import { sql } from 'kysely'
import { instantType } from '../columns.js'
import type { AnyKysely } from '../dialect.js'

/**
 * The catalogue, candidates, their attempts, certifications, waivers and API
 * tokens. Written once for SQLite and PostgreSQL: only the instant column
 * type differs, and `instantType` decides it.
 */
export async function up(db: AnyKysely): Promise<void> {
  const instant = instantType(db)

  await db.schema
    .createTable('exam_families')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('family_prefixes')
    // A prefix belongs to one family, or an exam number would have two policies.
    .addColumn('prefix', 'text', (c) => c.primaryKey())
    .addColumn('family_id', 'text', (c) => c.notNull().references('exam_families.id'))
    .execute()

  await db.schema
    .createTable('policy_versions')
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('effective_from', instant, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('wait_hours', 'text', (c) => c.notNull())
    .addColumn('attempt_limit', 'integer')
    .addColumn('period_months', 'integer', (c) => c.notNull())
    .addColumn('retake_after_pass', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_versions_pk', ['policy_id', 'version'])
    .addCheckConstraint('policy_versions_kind_check', sql`kind in ('standard', 'beta')`)
    .addCheckConstraint('policy_versions_retake_after_pass_check', sql`retake_after_pass in (0, 1)`)
    .execute()

  await db.schema
    .createTable('exams')
    .addColumn('number', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('family_id', 'text', (c) => c.notNull().references('exam_families.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('beta_of', 'text', (c) => c.references('exams.number'))
    .addColumn('beta_start', instant)
    .addColumn('beta_end', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addCheckConstraint('exams_status_check', sql`status in ('beta', 'live', 'retired')`)
    .addCheckConstraint(
      'exams_beta_period_check',
      sql`beta_start is null or beta_end is null or beta_end > beta_start`,
    )
    .execute()
  await db.schema.createIndex('exams_family_id_idx').on('exams').column('family_id').execute()
  await db.schema.createIndex('exams_status_idx').on('exams').column('status').execute()

  await db.schema
    .createTable('providers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('candidates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
    .addColumn('exam_number', 'text', (c) => c.notNull().references('exams.number'))
    .addColumn('provider_id', 'text', (c) => c.notNull().references('providers.id'))
    .addColumn('taken_at', instant, (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('recorded_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addCheckConstraint('attempts_outcome_check', sql`outcome in ('pass', 'fail', 'pending')`)
    .execute()
  // A candidate's history of one exam, in time order: what every retake decision reads.
  await db.schema
    .createIndex('attempts_candidate_exam_taken_idx')
    .on('attempts')
    .columns(['candidate_id', 'exam_number', 'taken_at'])
    .execute()

  await db.schema
    .createTable('certifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('validity_months', 'integer')
    .execute()

  await db.schema
    .createTable('certification_exams')
    .addColumn('certification_id', 'text', (c) => c.notNull().references('certifications.id'))
    .addColumn('exam_number', 'text', (c) => c.notNull().references('exams.number'))
    .addPrimaryKeyConstraint('certification_exams_pk', ['certification_id', 'exam_number'])
    .execute()
  // Which certifications does a pass of this exam count towards?
  await db.schema
    .createIndex('certification_exams_exam_idx')
    .on('certification_exams')
    .column('exam_number')
    .execute()

  await db.schema
    .createTable('waivers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
    .addColumn('exam_number', 'text', (c) => c.notNull().references('exams.number'))
    .addColumn('waives_wait', 'integer', (c) => c.notNull())
    .addColumn('waives_limit', 'integer', (c) => c.notNull())
    .addColumn('granted_at', instant, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('used_by_attempt_id', 'text', (c) => c.references('attempts.id'))
    .addCheckConstraint('waivers_waives_wait_check', sql`waives_wait in (0, 1)`)
    .addCheckConstraint('waivers_waives_limit_check', sql`waives_limit in (0, 1)`)
    .execute()
  // The open waivers of one candidate and exam, read before every decision.
  await db.schema
    .createIndex('waivers_candidate_exam_idx')
    .on('waivers')
    .columns(['candidate_id', 'exam_number'])
    .execute()

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('revoked_at', instant)
    .addCheckConstraint('api_tokens_role_check', sql`role in ('admin', 'support', 'provider')`)
    .execute()
  await db.schema
    .createIndex('api_tokens_token_hash_idx')
    .on('api_tokens')
    .column('token_hash')
    .unique()
    .execute()
}

/** Drops every table `up` made, dependants first. */
export async function down(db: AnyKysely): Promise<void> {
  for (const table of [
    'api_tokens',
    'waivers',
    'certification_exams',
    'certifications',
    'attempts',
    'candidates',
    'providers',
    'exams',
    'policy_versions',
    'family_prefixes',
    'exam_families',
  ]) {
    await db.schema.dropTable(table).execute()
  }
}
