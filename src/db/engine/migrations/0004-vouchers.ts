import { sql } from 'kysely'
import { instantType } from '../columns.js'
import type { AnyKysely } from '../dialect.js'

/**
 * Prices, offers, vouchers and payments.
 *
 * - An exam has a price class and a list price per currency.
 * - Offers are versioned rows; their terms are one JSON document, checked
 *   against the offer schema when read (`src/db/offers.ts`).
 * - A voucher is one code under one offer version. `version` counts its
 *   uses, so that two registrations judging the same code at once cannot
 *   both take it: the second's conditional UPDATE finds a newer version.
 * - A voucher use fills a named benefit slot (`first:070-620`,
 *   `retake:070-620`, `after-pass`, `use:1`…); one live use per slot is a
 *   unique index, so a single-use code is used once whatever the code above
 *   checked. A use given back on cancellation keeps its row, with
 *   `returned_at`, and frees its slot.
 * - A registration records its price (list, the lines of each code, what is
 *   due) and whether it is paid; payments are rows an accountant can read.
 * - Wrong-code guesses are counted per candidate and per address.
 */
export async function up(db: AnyKysely): Promise<void> {
  const instant = instantType(db)

  await db.schema
    .alterTable('exams')
    .addColumn('price_class', 'text', (c) => c.notNull().defaultTo('regular'))
    .execute()
  await db.schema
    .createTable('exam_prices')
    .addColumn('exam_number', 'text', (c) => c.notNull().references('exams.number'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('cents', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('exam_prices_pk', ['exam_number', 'currency'])
    .addCheckConstraint('exam_prices_cents_check', sql`cents >= 0`)
    .execute()

  await db.schema
    .createTable('offers')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('effective_from', instant, (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('offers_pk', ['id', 'version'])
    .execute()

  await db.schema
    .createTable('vouchers')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('offer_id', 'text', (c) => c.notNull())
    .addColumn('offer_version', 'integer', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.references('candidates.id'))
    .addColumn('issued_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant)
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text')
    .addColumn('batch_position', 'integer')
    .addColumn('reward_for_exam', 'text', (c) => c.references('exams.number'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addForeignKeyConstraint('vouchers_offer_fk', ['offer_id', 'offer_version'], 'offers', [
      'id',
      'version',
    ])
    .execute()
  await db.schema
    .createIndex('vouchers_candidate_idx')
    .on('vouchers')
    .columns(['candidate_id', 'issued_at'])
    .execute()
  // Re-running a batch finds the codes it made instead of making more.
  await db.schema
    .createIndex('vouchers_batch_idx')
    .on('vouchers')
    .columns(['batch_id', 'batch_position'])
    .unique()
    .where(sql.ref('batch_id'), 'is not', null)
    .execute()
  // One reward per beta exam taken, however often the rule runs.
  await db.schema
    .createIndex('vouchers_reward_idx')
    .on('vouchers')
    .columns(['offer_id', 'candidate_id', 'reward_for_exam'])
    .unique()
    .where(sql.ref('reward_for_exam'), 'is not', null)
    .execute()

  await db.schema
    .createTable('voucher_uses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('voucher_code', 'text', (c) => c.notNull().references('vouchers.code'))
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id'))
    .addColumn('exam_number', 'text', (c) => c.notNull().references('exams.number'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('used_at', instant, (c) => c.notNull())
    .addColumn('returned_at', instant)
    .addCheckConstraint(
      'voucher_uses_kind_check',
      sql`kind in ('first-attempt', 'free-retake', 'forfeited', 'after-pass-discount', 'percent-off', 'free-exam')`,
    )
    .execute()
  await db.schema
    .createIndex('voucher_uses_slot_idx')
    .on('voucher_uses')
    .columns(['voucher_code', 'slot'])
    .unique()
    .where(sql.ref('returned_at'), 'is', null)
    .execute()
  await db.schema
    .createIndex('voucher_uses_registration_idx')
    .on('voucher_uses')
    .column('registration_id')
    .execute()

  await db.schema.alterTable('registrations').addColumn('price_currency', 'text').execute()
  await db.schema.alterTable('registrations').addColumn('list_cents', 'integer').execute()
  await db.schema.alterTable('registrations').addColumn('due_cents', 'integer').execute()
  /** JSON array of price lines; `[]` when no code was used. */
  await db.schema
    .alterTable('registrations')
    .addColumn('price_lines', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  await db.schema
    .alterTable('registrations')
    .addColumn('payment_status', 'text', (c) => c.notNull().defaultTo('not-required'))
    .execute()

  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('registration_id', 'text', (c) => c.notNull().references('registrations.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('cents', 'integer', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('recorded_at', instant, (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'payments_method_check',
      sql`method in ('card', 'company-voucher', 'invoice', 'free')`,
    )
    .addCheckConstraint('payments_cents_check', sql`cents >= 0`)
    .execute()
  // A registration is paid once.
  await db.schema
    .createIndex('payments_registration_idx')
    .on('payments')
    .column('registration_id')
    .unique()
    .execute()

  await db.schema
    .createTable('code_throttles')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', instant, (c) => c.notNull())
    .addColumn('locked_until', instant)
    .execute()
}
