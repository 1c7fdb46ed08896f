import type { Attempt, AttemptOutcome } from '../../src/domain/attempt.js'
import type { EarnedCertification } from '../../src/domain/certification.js'
import { decideRetake, type RetakeFacts } from '../../src/domain/decide-retake.js'
import type { Exam } from '../../src/domain/exam.js'
import { parseExamNumber } from '../../src/domain/exam-number.js'
import { type Instant, parseInstant } from '../../src/domain/instant.js'
import type { PolicyVersion } from '../../src/domain/policy-version.js'
import type { Waiver } from '../../src/domain/waiver.js'

/** Builders for retake scenarios, so each test reads like its story. */

export function at(text: string): Instant {
  const instant = parseInstant(text)
  if (instant === null) throw new Error(`not an instant: ${text}`)
  return instant
}

const SINCE_2000 = at('2000-01-01T00:00:00Z')

export const GENERAL: PolicyVersion = {
  policyId: 'general',
  version: 1,
  name: 'general retake policy',
  effectiveFrom: SINCE_2000,
  kind: 'standard',
  waitHours: [24, 336],
  attemptLimit: 5,
  periodMonths: 12,
  retakeAfterPass: false,
}
export const MTA_MCE: PolicyVersion = {
  ...GENERAL,
  policyId: 'mta-mce',
  name: 'MTA and MCE retake policy',
  waitHours: [24, 168],
}
export const MOS: PolicyVersion = {
  ...GENERAL,
  policyId: 'mos',
  name: 'MOS retake policy',
  waitHours: [24, 48],
  attemptLimit: null,
  retakeAfterPass: true,
}
export const BETA: PolicyVersion = {
  ...GENERAL,
  policyId: 'beta',
  name: 'beta exam retake policy',
  kind: 'beta',
  waitHours: [],
  attemptLimit: null,
}
export const POLICIES: readonly PolicyVersion[] = [GENERAL, MTA_MCE, MOS, BETA]

function canonical(number: string): string {
  const parsed = parseExamNumber(number)
  if (!parsed) throw new Error(`not an exam number: ${number}`)
  return parsed
}

export function liveExam(
  number: string,
  policyId = 'general',
  status: Exam['status'] = 'live',
): Exam {
  return {
    number: canonical(number),
    title: `Exam ${number}`,
    family: policyId,
    policyId,
    status,
    betaOf: null,
    betaPeriod: null,
  }
}

export function betaExam(number: string, betaOf: string, start: string, end: string): Exam {
  return {
    ...liveExam(number, 'beta', 'beta'),
    family: 'beta',
    betaOf: canonical(betaOf),
    betaPeriod: { start: at(start), end: at(end) },
  }
}

let sequence = 0
function attempt(exam: Exam, takenAt: string, outcome: AttemptOutcome, provider: string): Attempt {
  sequence++
  return {
    id: `att-${sequence}`,
    exam: exam.number,
    creditFor: exam.betaOf ?? exam.number,
    provider,
    takenAt: at(takenAt),
    outcome,
  }
}
export const fail = (exam: Exam, takenAt: string, provider = 'prometric') =>
  attempt(exam, takenAt, 'fail', provider)
export const pass = (exam: Exam, takenAt: string, provider = 'prometric') =>
  attempt(exam, takenAt, 'pass', provider)
export const pending = (exam: Exam, takenAt: string, provider = 'prometric') =>
  attempt(exam, takenAt, 'pending', provider)

export function waiver(
  exam: Exam,
  what: { wait?: boolean; limit?: boolean },
  grantedAt = '2026-01-01T00:00:00Z',
): Waiver {
  sequence++
  return {
    id: `waiver-${sequence}`,
    exam: exam.number,
    waivesWait: what.wait ?? false,
    waivesLimit: what.limit ?? false,
    grantedAt: at(grantedAt),
  }
}

export function facts(
  attempts: readonly Attempt[],
  extra: { certifications?: readonly EarnedCertification[]; waivers?: readonly Waiver[] } = {},
): RetakeFacts {
  return {
    attempts: [...attempts].sort((a, b) => a.takenAt - b.takenAt),
    certifications: extra.certifications ?? [],
    waivers: extra.waivers ?? [],
  }
}

/** Decides with the four standard policies. */
export function decide(
  exam: Exam,
  attempts: readonly Attempt[],
  when: string,
  extra: Parameters<typeof facts>[1] = {},
  policies: readonly PolicyVersion[] = POLICIES,
) {
  return decideRetake(policies, facts(attempts, extra), exam, at(when))
}
