import type { Kysely } from 'kysely'
import { listAttemptsOfCandidate } from '../db/attempts.js'
import type { Candidate } from '../db/candidates.js'
import { listCertificationsForExams } from '../db/certifications.js'
import { listPolicyVersions } from '../db/policy-versions.js'
import type { DB } from '../db/schema.js'
import { listOpenWaivers } from '../db/waivers.js'
import { computeEarnedCertifications } from '../domain/certification.js'
import type { RetakeFacts } from '../domain/decide-retake.js'
import type { Exam } from '../domain/exam.js'
import type { PolicyVersion } from '../domain/policy-version.js'

/** Everything the retake engine needs to judge one candidate at one exam. */
export interface RetakeQuestion {
  readonly policies: readonly PolicyVersion[]
  readonly facts: RetakeFacts
}

export async function loadRetakeFacts(
  db: Kysely<DB>,
  candidate: Candidate,
  exam: Exam,
): Promise<RetakeQuestion> {
  const [policies, attempts, certifications, waivers] = await Promise.all([
    listPolicyVersions(db, exam.policyId),
    listAttemptsOfCandidate(db, candidate.id),
    listCertificationsForExams(db, [exam.betaOf ?? exam.number]),
    listOpenWaivers(db, candidate.id, exam.number),
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
