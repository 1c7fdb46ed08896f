import type { Kysely } from 'kysely'
import { listCertificationsForExams } from '../../db/candidates/certifications.js'
import { findExam } from '../../db/catalogue/exams.js'
import type { DB } from '../../db/engine/schema.js'
import { listPolicyVersions } from '../../db/retakes/policy-versions.js'
import type { Certification } from '../../domain/certification.js'
import type { Exam } from '../../domain/exam.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import type { PolicyVersion } from '../../domain/policy-version.js'
import type { Clock } from '../clock.js'

/**
 * The catalogue (exams, policy versions, certifications) changes a few times
 * a year and is read on every eligibility question, so reads are remembered
 * for `CATALOGUE_TTL_MS`. A change made through this process is seen at
 * once; one made through another process within that time.
 */
export const CATALOGUE_TTL_MS = 5_000

interface Entry<T> {
  readonly value: Promise<T>
  /** Set once the read has finished: only a finished read may serve a transaction. */
  settled: boolean
  readonly until: Instant
}

interface Cache {
  readonly exams: Map<ExamNumber, Entry<Exam | null>>
  readonly policies: Map<string, Entry<PolicyVersion[]>>
  readonly certifications: Map<ExamNumber, Entry<Certification[]>>
}

const caches = new WeakMap<Kysely<DB>, Cache>()

function cacheOf(db: Kysely<DB>): Cache {
  let cache = caches.get(db)
  if (!cache) {
    cache = { exams: new Map(), policies: new Map(), certifications: new Map() }
    caches.set(db, cache)
  }
  return cache
}

function remember<K, T>(
  map: Map<K, Entry<T>>,
  key: K,
  now: Instant,
  inTransaction: boolean,
  load: () => Promise<T>,
): Promise<T> {
  const hit = map.get(key)
  // A transaction must not wait on a read that is itself waiting for the
  // transaction's connection (SQLite has one), so it takes only finished reads.
  if (hit && hit.until > now && (hit.settled || !inTransaction)) return hit.value
  const value = load()
  const entry: Entry<T> = { value, settled: false, until: now + CATALOGUE_TTL_MS }
  map.set(key, entry)
  value.then(
    () => {
      entry.settled = true
    },
    // A failed read is not remembered.
    () => {
      if (map.get(key) === entry) map.delete(key)
    },
  )
  return value
}

/** The catalogue as a use case reads it: what this process remembers, else the database. */
export interface Catalogue {
  exam(number: ExamNumber): Promise<Exam | null>
  policyVersions(policyId: string): Promise<PolicyVersion[]>
  certificationsFor(number: ExamNumber): Promise<Certification[]>
}

type CatalogueDeps = { readonly db: Kysely<DB>; readonly clock: Clock }

/** The remembered catalogue for a question that only reads; a miss reads the database. */
export function catalogueOf(deps: CatalogueDeps): Catalogue {
  return rememberedCatalogue(deps, deps.db, false)
}

/**
 * The remembered catalogue inside a command's transaction: a miss reads
 * through the transaction, since on SQLite a read beside it would wait for
 * it forever. `runCommand` hands it to every command.
 */
export function catalogueIn(deps: CatalogueDeps, trx: Kysely<DB>): Catalogue {
  return rememberedCatalogue(deps, trx, true)
}

/** The catalogue as stored right now, nothing remembered: for a command that must not act on a stale policy. */
export function storedCatalogue(reader: Kysely<DB>): Catalogue {
  return {
    exam: (number) => findExam(reader, number),
    policyVersions: (policyId) => listPolicyVersions(reader, policyId),
    certificationsFor: (number) => listCertificationsForExams(reader, [number]),
  }
}

function rememberedCatalogue(
  deps: CatalogueDeps,
  reader: Kysely<DB>,
  inTransaction: boolean,
): Catalogue {
  const cache = cacheOf(deps.db)
  return {
    exam: (number) =>
      remember(cache.exams, number, deps.clock.now(), inTransaction, () =>
        findExam(reader, number),
      ),
    policyVersions: (policyId) =>
      remember(cache.policies, policyId, deps.clock.now(), inTransaction, () =>
        listPolicyVersions(reader, policyId),
      ),
    certificationsFor: (number) =>
      remember(cache.certifications, number, deps.clock.now(), inTransaction, () =>
        listCertificationsForExams(reader, [number]),
      ),
  }
}

/** Drops what this process remembers of the catalogue; called after a catalogue change commits. */
export function forgetCatalogue(db: Kysely<DB>): void {
  caches.delete(db)
}
