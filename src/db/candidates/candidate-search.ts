import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Candidate } from '../../domain/candidate.js'
import type { SearchMatch } from '../../domain/candidate-search.js'
import { computePrefixEnd } from '../../domain/search-words.js'
import { dialectOf } from '../engine/dialect.js'
import type { DB } from '../engine/schema.js'
import { toCandidate } from './candidates.js'

/**
 * The lookups behind staff search: exact keys by their own indexes, and
 * names by the prefix ranges of `candidate_search_terms` (migration 0022).
 */

/** The exact keys a search text may be, each looked up by its own index. */
export interface ExactKeys {
  /** Candidate ids, as typed and lower-cased. */
  readonly ids: readonly string[]
  /** An email, compared whatever its case (ASCII, as every stored email is). */
  readonly email: string | null
  /** Registration ids: the canonical spelling and the text as typed. */
  readonly registrationIds: readonly string[]
  /** A voucher code in canonical form: the candidate it was issued to. */
  readonly voucherCode: string | null
}

/** Candidates an exact search reads at most: a search box shows a page, and an email has few. */
const MOST_EXACT = 1_000

/**
 * The candidates the keys name, in one statement (one round trip): by id,
 * email, registration and voucher code, in that order, a candidate as often
 * as a key names them (the caller keeps the first).
 */
export async function findCandidatesByKeys(
  db: Kysely<DB>,
  keys: ExactKeys,
): Promise<{ readonly candidate: Candidate; readonly matchedBy: SearchMatch }[]> {
  const list = (values: readonly string[]) => sql.join(values.map((value) => sql`${value}`))
  const branches = [
    sql`select id as candidate_id, 1 as rank from candidates where id in (${list(keys.ids)})`,
    ...(keys.email === null
      ? []
      : [sql`select id, 2 from candidates where lower(email) = ${keys.email.toLowerCase()}`]),
    sql`select candidate_id, 3 from registrations where id in (${list(keys.registrationIds)})`,
    ...(keys.voucherCode === null
      ? []
      : [sql`select candidate_id, 4 from vouchers where code = ${keys.voucherCode}`]),
  ]
  const { rows } = await sql<Parameters<typeof toCandidate>[0] & { rank: number | string }>`
    select c.*, k.rank from (${sql.join(branches, sql` union all `)}) as k
    join candidates as c on c.id = k.candidate_id
    order by k.rank, c.id
    limit ${MOST_EXACT}`.execute(db)
  return rows.map(({ rank, ...row }) => ({
    candidate: toCandidate(row),
    matchedBy: KEY_MATCHES[Number(rank) - 1]!,
  }))
}

const KEY_MATCHES: readonly SearchMatch[] = ['id', 'email', 'registration', 'code']

/** The terms `word` is a prefix of, as a condition on a `term` column. */
function prefixRange(column: string, word: string) {
  const end = computePrefixEnd(word)
  const from = sql`${sql.ref(column)} >= ${word}`
  return end === null ? from : sql`${from} and ${sql.ref(column)} < ${end}`
}

/**
 * How many terms start with each word, counting no further than `cap`, in
 * one statement: what tells which typed word to read the range of (the
 * fewest rows to check).
 */
export async function countTermsStartingWith(
  db: Kysely<DB>,
  words: readonly string[],
  cap: number,
): Promise<number[]> {
  const counts = words.map(
    (word, i) => sql`(select count(*) from (
      select 1 from candidate_search_terms as t where ${prefixRange('t.term', word)} limit ${cap}
    ) as capped) as ${sql.ref(`w${i}`)}`,
  )
  const { rows } = await sql<Record<string, number | string>>`select ${sql.join(counts)}`.execute(
    db,
  )
  return words.map((_, i) => Number(rows[0]?.[`w${i}`] ?? 0))
}

export interface NameSearch {
  /** The word whose prefix range is read, in (term, name) order. */
  readonly lead: string
  /** Words a term of the same candidate must also start with. */
  readonly others: readonly string[]
  /** Candidates found already by an exact key: left out, so that pages do not repeat them. */
  readonly excluding: readonly string[]
  readonly limit: number
  readonly offset: number
}

/**
 * A page of the candidates every word matches a term of, each once: read
 * from the index in `lead`'s prefix range, a candidate where its first term
 * in the range stands (a whole-word match before longer words, then by
 * last and first name). Everything else is checked on the index entry read,
 * against the candidate's words (` garcia maria `): each other word as the
 * start of one of them, and that this term is the first of them the lead
 * starts. The page's rows stop the reading, and no row costs a lookup.
 */
export async function findCandidatesByName(
  db: Kysely<DB>,
  search: NameSearch,
): Promise<Candidate[]> {
  const { lead } = search
  const others = search.others.map((word) => sql`t.words like ${`% ${word}%`}`)
  // The words are in the terms' order: the first " mar" in them starts the
  // candidate's first term in the range. Another term of theirs further on
  // (Maria Marino, for "mar") would list them twice.
  const at = (needle: RawBuilder<string>) =>
    dialectOf(db) === 'postgres' ? sql`strpos(t.words, ${needle})` : sql`instr(t.words, ${needle})`
  const first = sql`${at(sql`${` ${lead}`}`)} = ${at(sql`' ' || t.term || ' '`)}`
  const excluding =
    search.excluding.length === 0
      ? []
      : [sql`t.candidate_id not in (${sql.join(search.excluding.map((id) => sql`${id}`))})`]
  const conditions = [prefixRange('t.term', lead), ...others, first, ...excluding]
  const { rows } = await sql<Parameters<typeof toCandidate>[0]>`
    select c.* from (
      select t.candidate_id, t.term, t.name_key from candidate_search_terms as t
      where ${sql.join(conditions, sql` and `)}
      order by t.term, t.name_key, t.candidate_id
      limit ${search.limit} offset ${search.offset}
    ) as found
    join candidates as c on c.id = found.candidate_id
    order by found.term, found.name_key, found.candidate_id`.execute(db)
  return rows.map(toCandidate)
}
