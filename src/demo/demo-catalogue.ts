import type { CancellationRefundRule } from '../domain/cancellation-refund.js'
import type { Certification } from '../domain/certification.js'
import type { Exam } from '../domain/exam.js'
import type { ExamFamily } from '../domain/exam-family.js'
import type { ExamNumber } from '../domain/exam-number.js'
import type { Instant } from '../domain/instant.js'
import type { PolicyVersion } from '../domain/policy-version.js'
import type { Provider } from '../domain/provider.js'
import { buildDemoCandidates, type DemoCandidate } from './demo-candidates.js'
import {
  buildDemoProviderExams,
  buildDemoSlots,
  DEMO_CENTRES,
  type DemoCentre,
  type DemoSlot,
} from './demo-centres.js'
import { buildDemoExams } from './demo-exams.js'
import {
  DEMO_CERTIFICATIONS,
  DEMO_FAMILIES,
  DEMO_POLICY_VERSIONS,
  DEMO_PROVIDERS,
} from './demo-programme.js'

export type { DemoCandidate } from './demo-candidates.js'
export type { DemoCentre, DemoSlot } from './demo-centres.js'
export { DEMO_EPOCH } from './demo-programme.js'

/** A whole demo programme: the catalogue and candidates whose histories tell a story each. */
export interface DemoCatalogue {
  readonly families: readonly ExamFamily[]
  readonly policyVersions: readonly PolicyVersion[]
  /** With their rules for changing an appointment. */
  readonly providers: readonly (Provider & {
    readonly cancellationRefund: CancellationRefundRule
  })[]
  /** Canonical numbers (`070-620`). */
  readonly exams: readonly Exam[]
  readonly certifications: readonly Certification[]
  readonly candidates: readonly DemoCandidate[]
  /** The exams each provider delivers. */
  readonly providerExams: readonly {
    readonly providerId: string
    readonly exams: readonly ExamNumber[]
  }[]
  readonly centres: readonly DemoCentre[]
  /** Three weeks of weekday slots from `now`, at 09:00 and 13:00 on each centre's clock. */
  readonly slots: readonly DemoSlot[]
}

/**
 * The demo programme as it stands at `now`. Pure: no clock, no I/O; every
 * instant that moves is `now` plus or minus exact milliseconds (or calendar
 * months through `addCalendarMonths`), so the same `now` gives the same data
 * and each candidate's story holds whatever `now` is. Policy versions are
 * fixed in time (from `DEMO_EPOCH`, 2000-01-01T00:00:00Z, and 2021-03-31).
 * Slots are the exception: they are local times on each centre's clock
 * (through the time-zone database), still the same for the same `now`.
 */
export function buildDemoCatalogue(now: Instant): DemoCatalogue {
  const exams = buildDemoExams(now)
  return {
    families: DEMO_FAMILIES,
    policyVersions: DEMO_POLICY_VERSIONS,
    providers: DEMO_PROVIDERS,
    exams,
    certifications: DEMO_CERTIFICATIONS,
    candidates: buildDemoCandidates(now),
    providerExams: buildDemoProviderExams(
      DEMO_PROVIDERS.map((provider) => provider.id),
      exams,
    ),
    centres: DEMO_CENTRES,
    slots: buildDemoSlots(now, DEMO_CENTRES),
  }
}
