import type { Kysely } from 'kysely'
import { insertCandidate } from '../../src/db/candidates/candidates.js'
import { insertFamily } from '../../src/db/catalogue/exam-families.js'
import { findExam, insertExam, type NewExam } from '../../src/db/catalogue/exams.js'
import { insertProvider } from '../../src/db/catalogue/providers.js'
import { writeInstant } from '../../src/db/engine/columns.js'
import type { DB } from '../../src/db/engine/schema.js'
import {
  findAttempt,
  insertAttempt,
  type NewAttempt,
  type StoredAttempt,
} from '../../src/db/retakes/attempts.js'
import { insertPolicyVersion } from '../../src/db/retakes/policy-versions.js'
import type { Candidate } from '../../src/domain/candidate.js'
import type { Exam } from '../../src/domain/exam.js'
import type { ExamFamily } from '../../src/domain/exam-family.js'
import { type Instant, parseInstant } from '../../src/domain/instant.js'
import type { PolicyVersion } from '../../src/domain/policy-version.js'
import type { Provider } from '../../src/domain/provider.js'

/**
 * One-line builders for database tests: each inserts a row with sensible
 * defaults, takes overrides for what the scenario is about, and returns what
 * it stored. Instants default to fixed dates, never the clock.
 */

/** The instant factories use when a test does not care: Monday 5 January 2026, 09:00 UTC. */
export const FACTORY_EPOCH: Instant = parseInstant('2026-01-05T09:00:00Z')!

let sequence = 0
/** A short id unique within the test file: `candidate-7`. */
export function nextId(kind: string): string {
  sequence += 1
  return `${kind}-${sequence}`
}

export interface FamilyOverrides extends Partial<ExamFamily> {
  /** Fields of the family's first policy version. */
  readonly policy?: Partial<Omit<PolicyVersion, 'policyId'>>
}

/** A family (default `general`, prefix `070`) and version 1 of its policy (24 h then 14 days, 5 a year). */
export async function createFamily(
  db: Kysely<DB>,
  overrides: FamilyOverrides = {},
): Promise<{ family: ExamFamily; policy: PolicyVersion }> {
  const { policy: policyOverrides, ...familyOverrides } = overrides
  const family: ExamFamily = {
    id: 'general',
    name: 'General',
    prefixes: ['070'],
    policyId: familyOverrides.id ?? 'general',
    ...familyOverrides,
  }
  const policy: PolicyVersion = {
    policyId: family.policyId,
    version: 1,
    name: `${family.name} retake policy`,
    effectiveFrom: parseInstant('2020-01-01T00:00:00Z')!,
    kind: 'standard',
    waitHours: [24, 336],
    attemptLimit: 5,
    periodMonths: 12,
    retakeAfterPass: false,
    ...policyOverrides,
  }
  await insertFamily(db, family)
  await insertPolicyVersion(db, policy)
  return { family, policy }
}

/** A live exam of family `general` (create the family first); the number defaults to a fresh `070-…`. */
export async function createExam(db: Kysely<DB>, overrides: Partial<NewExam> = {}): Promise<Exam> {
  const number = overrides.number ?? `070-${100 + (sequence % 900)}`
  sequence += 1
  await insertExam(db, {
    number,
    title: `Exam ${number}`,
    family: 'general',
    status: 'live',
    betaOf: null,
    betaPeriod: null,
    createdAt: FACTORY_EPOCH,
    ...overrides,
  })
  return (await findExam(db, number))!
}

/** A candidate in Auckland with a fresh id and email. */
export async function createCandidate(
  db: Kysely<DB>,
  overrides: Partial<Candidate> = {},
  /** `searchTerms: false` for a schema older than the search terms (migration 0022): the record alone. */
  { searchTerms = true }: { readonly searchTerms?: boolean } = {},
): Promise<Candidate> {
  const id = overrides.id ?? nextId('candidate')
  const candidate: Candidate = {
    id,
    firstName: 'Aroha',
    lastName: 'Ngata',
    email: `${id}@example.test`,
    country: 'NZ',
    timeZone: 'Pacific/Auckland',
    createdAt: FACTORY_EPOCH,
    ...overrides,
  }
  if (searchTerms) await insertCandidate(db, candidate)
  else
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
  return candidate
}

/** A provider (default `pearson`, 24-hour change rules); stored once however often it is asked for. */
export async function createProvider(
  db: Kysely<DB>,
  overrides: Partial<Provider> = {},
): Promise<Provider> {
  const provider: Provider = {
    id: 'pearson',
    name: 'Pearson VUE',
    rescheduleCutoffHours: 24,
    cancelCutoffHours: 24,
    ...overrides,
  }
  // Only its id is read: a migration test builds providers before their later columns exist.
  const exists = await db
    .selectFrom('providers')
    .select('id')
    .where('id', '=', provider.id)
    .executeTakeFirst()
  if (!exists) await insertProvider(db, provider)
  return provider
}

/** A failed attempt at `FACTORY_EPOCH` at provider `pearson` (created if missing). */
export async function createAttempt(
  db: Kysely<DB>,
  attempt: Pick<NewAttempt, 'candidateId' | 'exam'> & Partial<NewAttempt>,
): Promise<StoredAttempt> {
  const provider = attempt.provider ?? (await createProvider(db)).id
  const id = attempt.id ?? nextId('attempt')
  const takenAt = attempt.takenAt ?? FACTORY_EPOCH
  await insertAttempt(db, {
    id,
    provider,
    takenAt,
    outcome: 'fail',
    recordedAt: takenAt,
    ...attempt,
  })
  return (await findAttempt(db, id))!
}
