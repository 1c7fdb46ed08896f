import { sql } from 'kysely'
import { fillSearchTerms } from '../../candidates/search-terms.js'
import { type AnyKysely, dialectOf } from '../dialect.js'

/**
 * What the staff console reads fast at a million candidates.
 *
 * - `candidate_search_terms`: a row per word a candidate is found by (the
 *   words of the first name, last name and email local part, accents and
 *   case removed), with the key their name sorts by and all of their words
 *   in one text. A search reads one typed word's prefix range of the index
 *   in (term, name) order and checks the other words against the words on
 *   the same index entry: a plain B-tree range, the same on both engines.
 *   On PostgreSQL the text columns compare by byte (`collate "C"`), as
 *   SQLite's do, so that a prefix's range is `term >= 'mar' and term <
 *   'mas'` whatever the database's locale. Filled here for the candidates
 *   there are, with the words the running version makes (a later change of
 *   the words would fill the table again in a migration of its own), and
 *   indexed after it is filled, which sorts once instead of inserting into
 *   the index row by row.
 * - Candidates by email whatever its case, the outbox by candidate and by
 *   recipient, newest first, and exception requests by status, oldest first
 *   (the queue).
 */
export async function up(db: AnyKysely): Promise<void> {
  const bytewise = dialectOf(db) === 'postgres' ? sql`text collate "C"` : sql`text`
  await db.schema
    .createTable('candidate_search_terms')
    .addColumn('term', bytewise, (c) => c.notNull())
    .addColumn('name_key', bytewise, (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('candidates.id'))
    .addColumn('words', bytewise, (c) => c.notNull())
    .execute()
  await fillSearchTerms(db)
  // The search reads the words from the index entry itself, never the table.
  await db.schema
    .createIndex('candidate_search_terms_idx')
    .on('candidate_search_terms')
    .columns(['term', 'name_key', 'candidate_id', 'words'])
    .unique()
    .execute()
  await db.schema
    .createIndex('candidate_search_terms_candidate_idx')
    .on('candidate_search_terms')
    .column('candidate_id')
    .execute()

  // Emails are ASCII (see 0016), which lower() folds alike on both engines.
  await sql`create index candidates_email_idx on candidates (lower(email))`.execute(db)
  await sql`create index outbox_candidate_idx on outbox (candidate_id, created_at)`.execute(db)
  await sql`create index outbox_recipient_idx on outbox (lower(recipient), created_at)`.execute(db)
  await db.schema
    .createIndex('exception_requests_status_idx')
    .on('exception_requests')
    .columns(['status', 'requested_at', 'id'])
    .execute()
}
