import { type Kysely, type Selectable, sql } from 'kysely'
import type { Candidate } from '../../domain/candidate.js'
import { readInstant, writeInstant } from '../engine/columns.js'
import { reusableQuery } from '../engine/reusable-query.js'
import type { CandidateTable, DB } from '../engine/schema.js'
import { insertSearchTerms, replaceSearchTerms } from './search-terms.js'

/** Stores a candidate and the words they are found by. Pass the use case's transaction: both are written together. */
export async function insertCandidate(db: Kysely<DB>, candidate: Candidate): Promise<void> {
  await db
    .insertInto('candidates')
    .values({
      id: candidate.id,
      first_name: candidate.firstName,
      last_name: candidate.lastName,
      email: candidate.email,
      country: candidate.country,
      time_zone: candidate.timeZone,
      created_at: writeInstant(candidate.createdAt),
    })
    .execute()
  await insertSearchTerms(db, candidate)
}

/** The candidate with this id, or null. */
export async function findCandidate(db: Kysely<DB>, id: string): Promise<Candidate | null> {
  const [row] = await candidateById(db, id)
  return row ? toCandidate(row) : null
}

const candidateById = reusableQuery((db, id: string) =>
  db.selectFrom('candidates').selectAll().where('id', '=', id),
)

/** A candidate's row as the candidate. */
export function toCandidate(row: Selectable<CandidateTable>): Candidate {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    country: row.country,
    timeZone: row.time_zone,
    createdAt: readInstant(row.created_at),
  }
}

/** Ids per query in `findUnknownCandidateIds`: stays under every engine's parameter limit. */
const IDS_PER_QUERY = 1000

/** The ids of `ids` no candidate has, in the order given (a repeated one as often as it is given). */
export async function findUnknownCandidateIds(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<string[]> {
  const unknown: string[] = []
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
    const part = ids.slice(start, start + IDS_PER_QUERY)
    const rows = await db.selectFrom('candidates').select('id').where('id', 'in', part).execute()
    const found = new Set(rows.map((row) => row.id))
    for (const id of part) if (!found.has(id)) unknown.push(id)
  }
  return unknown
}

/** The candidates of these emails (any case), by the email lower-cased; an email no candidate has is absent. */
export async function findCandidateIdsByEmail(
  db: Kysely<DB>,
  emails: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  const lowered = [...new Set(emails.map((email) => email.toLowerCase()))]
  for (let start = 0; start < lowered.length; start += IDS_PER_QUERY) {
    const part = lowered.slice(start, start + IDS_PER_QUERY)
    const rows = await db
      .selectFrom('candidates')
      .select(['id', sql<string>`lower(email)`.as('email')])
      .where(sql<string>`lower(email)`, 'in', part)
      .execute()
    for (const row of rows) found.set(row.email, row.id)
  }
  return found
}

/** Writes a candidate's name and zone as given, and the words they are found by. Pass the use case's transaction. */
export async function updateCandidateProfile(
  db: Kysely<DB>,
  candidate: Pick<Candidate, 'id' | 'firstName' | 'lastName' | 'timeZone' | 'email'>,
): Promise<void> {
  await db
    .updateTable('candidates')
    .set({
      first_name: candidate.firstName,
      last_name: candidate.lastName,
      time_zone: candidate.timeZone,
    })
    .where('id', '=', candidate.id)
    .execute()
  await replaceSearchTerms(db, candidate)
}

/** Writes a candidate's email (the one their account confirmed), and the words they are found by. Pass the use case's transaction. */
export async function updateCandidateEmail(
  db: Kysely<DB>,
  candidate: Pick<Candidate, 'id' | 'firstName' | 'lastName'>,
  email: string,
): Promise<void> {
  await db.updateTable('candidates').set({ email }).where('id', '=', candidate.id).execute()
  await replaceSearchTerms(db, { ...candidate, email })
}
