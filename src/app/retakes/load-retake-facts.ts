import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import { listRetakeHistory, type RetakeHistory } from '../../db/retakes/waivers.js'
import type { Candidate } from '../../domain/candidate.js'
import { computeEarnedCertifications } from '../../domain/certification.js'
import type { RetakeFacts } from '../../domain/decide-retake.js'
import type { Exam } from '../../domain/exam.js'
import type { PolicyVersion } from '../../domain/policy-version.js'
import type { Catalogue } from '../catalogue/catalogue-cache.js'

/** Everything the retake engine needs to judge one candidate at one exam. */
export interface RetakeQuestion {
  readonly policies: readonly PolicyVersion[]
  readonly facts: RetakeFacts
}

/**
 * Reads the candidate's history through `db` and the exam's policy and
 * certifications through `catalogue` (remembered, or as stored).
 */
export async function loadRetakeFacts(
  db: Kysely<DB>,
  catalogue: Catalogue,
  candidate: Candidate,
  exam: Exam,
  /** The history when it is already known (a first booking's: empty); read otherwise. */
  history?: RetakeHistory,
): Promise<RetakeQuestion> {
  const credit = exam.betaOf ?? exam.number
  const [policies, { attempts, waivers }, certifications] = await Promise.all([
    catalogue.policyVersions(exam.policyId),
    // The attempts and the open waivers: one query.
    history ?? listRetakeHistory(db, candidate.id, exam.number),
    catalogue.certificationsFor(credit),
  ])
  return {
    policies,
    facts: {
      attempts,
      certifications: computeEarnedCertifications(certifications, attempts),
      waivers,
      timeZone: candidate.timeZone,
    },
  }
}
