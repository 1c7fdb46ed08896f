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

export interface CatalogueDeps {
  /** The database whose catalogue is remembered. */
  readonly db: Kysely<DB>
  readonly clock: Clock
  /**
   * Where a miss reads from: inside a command's transaction, that
   * transaction (on SQLite a read beside it would wait for it forever).
   */
  readonly reader?: Kysely<DB>
}

export function readExam(deps: CatalogueDeps, number: ExamNumber): Promise<Exam | null> {
  return remember(cacheOf(deps.db).exams, number, deps.clock.now(), deps.reader !== undefined, () =>
    findExam(deps.reader ?? deps.db, number),
  )
}

export function readPolicyVersions(
  deps: CatalogueDeps,
  policyId: string,
): Promise<PolicyVersion[]> {
  return remember(
    cacheOf(deps.db).policies,
    policyId,
    deps.clock.now(),
    deps.reader !== undefined,
    () => listPolicyVersions(deps.reader ?? deps.db, policyId),
  )
}

export function readCertificationsFor(
  deps: CatalogueDeps,
  number: ExamNumber,
): Promise<Certification[]> {
  return remember(
    cacheOf(deps.db).certifications,
    number,
    deps.clock.now(),
    deps.reader !== undefined,
    () => listCertificationsForExams(deps.reader ?? deps.db, [number]),
  )
}

/** Drops what this process remembers of the catalogue; called after a catalogue change commits. */
export function forgetCatalogue(db: Kysely<DB>): void {
  caches.delete(db)
}
