import type { Certification } from '../domain/certification.js'
import type { Exam } from '../domain/exam.js'
import type { ExamFamily } from '../domain/exam-family.js'
import type { Instant } from '../domain/instant.js'
import type { PolicyVersion } from '../domain/policy-version.js'
import { buildDemoCandidates, type DemoCandidate } from './demo-candidates.js'
import { buildDemoExams } from './demo-exams.js'
import {
  DEMO_CERTIFICATIONS,
  DEMO_FAMILIES,
  DEMO_POLICY_VERSIONS,
  DEMO_PROVIDERS,
} from './demo-programme.js'

export type { DemoCandidate } from './demo-candidates.js'
export { DEMO_EPOCH } from './demo-programme.js'

/** A whole demo programme: the catalogue and candidates whose histories tell a story each. */
export interface DemoCatalogue {
  readonly families: readonly ExamFamily[]
  readonly policyVersions: readonly PolicyVersion[]
  readonly providers: readonly { id: string; name: string }[]
  /** Canonical numbers (`070-620`). */
  readonly exams: readonly Exam[]
  readonly certifications: readonly Certification[]
  readonly candidates: readonly DemoCandidate[]
}

/**
 * The demo programme as it stands at `now`. Pure: no clock, no I/O; every
 * instant that moves is `now` plus or minus exact milliseconds (or calendar
 * months through `addCalendarMonths`), so the same `now` gives the same data
 * and each candidate's story holds whatever `now` is. Policy versions are
 * fixed in time (from `DEMO_EPOCH`, 2000-01-01T00:00:00Z, and 2021-03-31).
 */
export function buildDemoCatalogue(now: Instant): DemoCatalogue {
  return {
    families: DEMO_FAMILIES,
    policyVersions: DEMO_POLICY_VERSIONS,
    providers: DEMO_PROVIDERS,
    exams: buildDemoExams(now),
    certifications: DEMO_CERTIFICATIONS,
    candidates: buildDemoCandidates(now),
  }
}
