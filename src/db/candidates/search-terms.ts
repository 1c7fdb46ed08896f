import { type Kysely, sql } from 'kysely'
import {
  computeNameKey,
  computeSearchTerms,
  computeWordList,
  type SearchableCandidate,
} from '../../domain/search-words.js'
import { type AnyKysely, dialectOf } from '../engine/dialect.js'
import type { DB } from '../engine/schema.js'

/**
 * The words each candidate is found by (`candidate_search_terms`, migration
 * 0022): a row per term, kept by every write of a candidate's name or email
 * in the same transaction (`insertCandidate`, `updateCandidateProfile`,
 * `updateCandidateEmail`), so that search never misses a change.
 */

type Searchable = SearchableCandidate & { readonly id: string }

interface TermRow {
  readonly term: string
  readonly name_key: string
  readonly candidate_id: string
  readonly words: string
}

function termRows(candidate: Searchable): TermRow[] {
  const nameKey = computeNameKey(candidate)
  const terms = computeSearchTerms(candidate)
  const words = computeWordList(terms)
  return terms.map((term) => ({ term, name_key: nameKey, candidate_id: candidate.id, words }))
}

/** Rows an INSERT takes at most: a candidate's few, or thousands when a table is filled. */
const ROWS_PER_INSERT = 5_000

/**
 * Inserts rows with a few parameters for any number of them (arrays on
 * PostgreSQL, a JSON array on SQLite), which each engine reads far quicker
 * than thousands of parameters when a whole table is filled.
 */
async function insertTermRows(db: AnyKysely, rows: readonly TermRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const part = rows.slice(start, start + ROWS_PER_INSERT)
    const column = (name: keyof TermRow) => part.map((row) => row[name])
    await (dialectOf(db) === 'postgres'
      ? sql`
          insert into candidate_search_terms (term, name_key, candidate_id, words)
          select * from unnest(${column('term')}::text[], ${column('name_key')}::text[],
            ${column('candidate_id')}::text[], ${column('words')}::text[])`
      : sql`
          insert into candidate_search_terms (term, name_key, candidate_id, words)
          select json_extract(value, '$[0]'), json_extract(value, '$[1]'),
                 json_extract(value, '$[2]'), json_extract(value, '$[3]')
          from json_each(${JSON.stringify(part.map((row) => [row.term, row.name_key, row.candidate_id, row.words]))})`
    ).execute(db)
  }
}

/** Writes a new candidate's terms. Pass the transaction that inserts the candidate. */
export async function insertSearchTerms(db: Kysely<DB>, candidate: Searchable): Promise<void> {
  await insertTermRows(db, termRows(candidate))
}

/** Replaces a candidate's terms with those of their name and email now. Pass the transaction that changed them. */
export async function replaceSearchTerms(db: Kysely<DB>, candidate: Searchable): Promise<void> {
  await db.deleteFrom('candidate_search_terms').where('candidate_id', '=', candidate.id).execute()
  await insertSearchTerms(db, candidate)
}

/** Candidates read per round by `fillSearchTerms`. */
const FILL_PAGE = 5_000

/**
 * Writes the terms of every candidate into an empty table, a page of
 * candidates at a time in id order: what migration 0022 does for the
 * candidates stored before it (and a bulk load that inserted candidates by
 * hand). Returns how many terms were written.
 */
export async function fillSearchTerms(db: AnyKysely): Promise<number> {
  let after = ''
  let written = 0
  for (;;) {
    const candidates: { id: string; first_name: string; last_name: string; email: string }[] =
      await db
        .selectFrom('candidates')
        .select(['id', 'first_name', 'last_name', 'email'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(FILL_PAGE)
        .execute()
    const rows = candidates.flatMap((row) =>
      termRows({
        id: row.id,
        firstName: row.first_name,
        lastName: row.last_name,
        email: row.email,
      }),
    )
    await insertTermRows(db, rows)
    written += rows.length
    if (candidates.length < FILL_PAGE) return written
    after = candidates[candidates.length - 1]!.id
  }
}
