import type { Kysely } from 'kysely'
import { listCertificationsForExams } from '../../db/candidates/certifications.js'
import type { DB } from '../../db/engine/schema.js'
import { listPolicyVersions } from '../../db/retakes/policy-versions.js'
import { listRetakeHistory, type RetakeHistory } from '../../db/retakes/waivers.js'
import type { Candidate } from '../../domain/candidate.js'
import { computeEarnedCertifications } from '../../domain/certification.js'
import type { RetakeFacts } from '../../domain/decide-retake.js'
import type { Exam } from '../../domain/exam.js'
import type { PolicyVersion } from '../../domain/policy-version.js'
import {
  type CatalogueDeps,
  readCertificationsFor,
  readPolicyVersions,
} from '../catalogue/catalogue-cache.js'

/** Everything the retake engine needs to judge one candidate at one exam. */
export interface RetakeQuestion {
  readonly policies: readonly PolicyVersion[]
  readonly facts: RetakeFacts
}

/**
 * Reads the candidate's history and the exam's policy and certifications.
 * Inside a command's transaction, pass only `db`; a question that only reads
 * passes `catalogue` too, and the catalogue comes from what is remembered.
 */
export async function loadRetakeFacts(
  db: Kysely<DB>,
  candidate: Candidate,
  exam: Exam,
  catalogue?: CatalogueDeps,
  /** The history when it is already known (a first booking's: empty); read otherwise. */
  history?: RetakeHistory,
): Promise<RetakeQuestion> {
  const credit = exam.betaOf ?? exam.number
  const [policies, { attempts, waivers }, certifications] = await Promise.all([
    catalogue
      ? readPolicyVersions(catalogue, exam.policyId)
      : listPolicyVersions(db, exam.policyId),
    // The attempts and the open waivers: one query.
    history ?? listRetakeHistory(db, candidate.id, exam.number),
    catalogue ? readCertificationsFor(catalogue, credit) : listCertificationsForExams(db, [credit]),
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
