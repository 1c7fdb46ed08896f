import type { Attempt } from './attempt.js'
import { addCalendarMonths, hasCalendarMonthsPassed } from './calendar-months.js'
import type { EarnedCertification } from './certification.js'
import type { Exam } from './exam.js'
import { HOUR_MS, type Instant } from './instant.js'
import type { PolicyVersion } from './policy-version.js'
import type { PolicyRef, RetakeDecision, RetakeGrounds, RetakeRefusal } from './retake-decision.js'
import type { Waiver } from './waiver.js'

/** What the engine knows about one candidate. */
export interface RetakeFacts {
  /** The candidate's whole history at every provider, in order of `takenAt`. */
  readonly attempts: readonly Attempt[]
  /** Certifications earned by that history (see computeEarnedCertifications). */
  readonly certifications: readonly EarnedCertification[]
  /** Approved exceptions not yet used. */
  readonly waivers: readonly Waiver[]
  /** The zone the sentences show times in; UTC when absent. */
  readonly timeZone?: string
}

/** One rule's verdict: blocked until `notBefore` (null: for good under the current data). */
type Block = RetakeGrounds

/**
 * May the candidate sit `exam` at `at`? Judged by the policy version in
 * force at `at`, on the attempts taken up to and including `at`. The
 * boundary instant is allowed: a 24-hour wait after a failure at 09:00 ends
 * at 09:00 the next day, and an attempt then is eligible.
 */
export function decideRetake(
  policies: readonly PolicyVersion[],
  facts: RetakeFacts,
  exam: Exam,
  at: Instant,
): RetakeDecision {
  const zone = facts.timeZone ?? 'UTC'
  const history = attemptsOfExam(facts.attempts, exam, at)
  const attemptNumber = history.length + 1

  const unavailable = blockOfAvailability(exam, at)
  if (unavailable) return refuse(unavailable, { exam, timeZone: zone, policy: null, attemptNumber })

  const versions = versionsFrom(policies, exam.policyId, at)
  const inForce = versions[0]
  if (!inForce) {
    return refuse(
      { code: 'EXAM_NOT_AVAILABLE', notBefore: null, why: 'no-policy' },
      { exam, timeZone: zone, policy: null, attemptNumber },
    )
  }
  const policy: PolicyRef = { id: inForce.policyId, version: inForce.version, name: inForce.name }

  const latest = history[history.length - 1]
  if (latest?.outcome === 'pending' && inForce.kind === 'standard') {
    return refuse(
      { code: 'RESULT_PENDING', notBefore: null, latest },
      { exam, timeZone: zone, policy, attemptNumber },
    )
  }

  // Each later version of the policy may allow an earlier date than the one
  // in force now; the first segment that allows an instant inside it wins.
  let first: Verdict | null = null
  for (let i = 0; i < versions.length; i++) {
    const version = versions[i]!
    // The first version also judges instants before its date (see versionsFrom).
    const from = i === 0 ? at : Math.max(at, version.effectiveFrom)
    const verdict = decideUnder(version, history, facts, exam, from)
    first ??= verdict
    const until = versions[i + 1]?.effectiveFrom ?? Number.POSITIVE_INFINITY
    if (verdict.earliestAt !== null && verdict.earliestAt < until) {
      if (verdict.earliestAt === at) {
        return {
          eligible: true,
          earliestAt: at,
          code: 'ELIGIBLE',
          policy,
          attemptNumber,
          waiverId: verdict.waiver?.id ?? null,
          exam,
        }
      }
      return refuse(
        first.block!,
        { exam, timeZone: zone, policy, attemptNumber },
        verdict.earliestAt,
      )
    }
  }
  return refuse(first!.block!, { exam, timeZone: zone, policy, attemptNumber }, null)
}

interface Verdict {
  readonly earliestAt: Instant | null
  /** The rule that blocks at the instant judged; null when nothing does. */
  readonly block: Block | null
  readonly waiver: Waiver | null
}

/** Judges an attempt at `at` under one policy version. */
function decideUnder(
  version: PolicyVersion,
  history: readonly Attempt[],
  facts: RetakeFacts,
  exam: Exam,
  at: Instant,
): Verdict {
  if (version.kind === 'beta') {
    const taken = history[0]
    if (!taken) return { earliestAt: at, block: null, waiver: null }
    const block: Block = { code: 'BETA_ALREADY_TAKEN', notBefore: null, taken }
    return { earliestAt: null, block, waiver: null }
  }

  const passed = blockOfPass(version, facts, exam, at)
  const wait = blockOfWait(version, history, at)
  const limit = blockOfLimit(version, history, at)

  // An approved exception lifts the wait and/or the limit; choose the one
  // that allows the earliest attempt.
  let waiver: Waiver | null = null
  let best = latestOf(passed, wait, limit)
  if ((wait || limit) && facts.waivers.length > 0) {
    for (const candidate of facts.waivers) {
      if (candidate.exam !== exam.number) continue
      const remaining = latestOf(
        passed,
        candidate.waivesWait ? null : wait,
        candidate.waivesLimit ? null : limit,
      )
      if (isEarlier(remaining, best)) {
        best = remaining
        waiver = candidate
      }
    }
  }
  if (!best) return { earliestAt: at, block: null, waiver }
  return { earliestAt: best.notBefore, block: best, waiver }
}

/** The block that lasts longest; null when none blocks. */
function latestOf(...blocks: (Block | null)[]): Block | null {
  let latest: Block | null = null
  for (const block of blocks) {
    if (block && (!latest || isEarlier(latest, block))) latest = block
  }
  return latest
}

/** Does block `a` end strictly before block `b`? No block ends first of all; `never` last. */
function isEarlier(a: Block | null, b: Block | null): boolean {
  if (!a) return b !== null
  if (!b) return false
  if (a.notBefore === null) return false
  return b.notBefore === null || a.notBefore < b.notBefore
}

function blockOfAvailability(exam: Exam, at: Instant): Block | null {
  if (exam.status === 'retired') {
    return { code: 'EXAM_NOT_AVAILABLE', notBefore: null, why: 'retired' }
  }
  if (exam.betaOf === null) {
    if (exam.status === 'live') return null
    return { code: 'EXAM_NOT_AVAILABLE', notBefore: null, why: 'not-live' }
  }
  const period = exam.betaPeriod
  if (exam.status !== 'beta') {
    return { code: 'EXAM_NOT_AVAILABLE', notBefore: null, why: 'beta-over' }
  }
  if (period && at < period.start) {
    return { code: 'EXAM_NOT_AVAILABLE', notBefore: period.start, why: 'beta-not-started' }
  }
  if (period && at >= period.end) {
    return { code: 'EXAM_NOT_AVAILABLE', notBefore: null, why: 'beta-over' }
  }
  return null
}

/** A pass blocks a retake until a certification it earned expires, where the policy says so. */
function blockOfPass(
  version: PolicyVersion,
  facts: RetakeFacts,
  exam: Exam,
  at: Instant,
): Block | null {
  if (version.retakeAfterPass) return null
  let lastPass: Attempt | null = null
  for (const attempt of facts.attempts) {
    if (attempt.outcome !== 'pass' || attempt.creditFor !== exam.number || attempt.takenAt > at) {
      continue
    }
    if (!lastPass || attempt.takenAt > lastPass.takenAt) lastPass = attempt
  }
  if (!lastPass) return null
  let expiry: Instant | null = null
  for (const certification of facts.certifications) {
    if (certification.expiresAt === null || !certification.exams.includes(exam.number)) continue
    if (expiry === null || certification.expiresAt < expiry) expiry = certification.expiresAt
  }
  if (expiry !== null && expiry <= at) return null
  return { code: 'ALREADY_PASSED', notBefore: expiry, pass: lastPass }
}

/** After consecutive failures, the policy's wait runs from the last failed attempt. */
function blockOfWait(
  version: PolicyVersion,
  history: readonly Attempt[],
  at: Instant,
): Block | null {
  let failures = 0
  for (let i = history.length - 1; i >= 0 && history[i]!.outcome !== 'pass'; i--) failures++
  if (failures === 0 || version.waitHours.length === 0) return null
  const hours = version.waitHours[Math.min(failures, version.waitHours.length) - 1]!
  const last = history[history.length - 1]!
  const notBefore = last.takenAt + hours * HOUR_MS
  if (notBefore <= at) return null
  return { code: 'RETAKE_TOO_SOON', notBefore, version, last, failures, hours }
}

/**
 * At most `attemptLimit` attempts in a period of `periodMonths` calendar
 * months that starts at its first attempt; the first attempt after a period
 * ends starts the next one.
 */
function blockOfLimit(
  version: PolicyVersion,
  history: readonly Attempt[],
  at: Instant,
): Block | null {
  const limit = version.attemptLimit
  if (limit === null || history.length < limit) return null
  let periodStart = history[0]!.takenAt
  let count = 0
  for (const attempt of history) {
    if (hasCalendarMonthsPassed(periodStart, version.periodMonths, attempt.takenAt)) {
      periodStart = attempt.takenAt
      count = 0
    }
    count++
  }
  if (count < limit || hasCalendarMonthsPassed(periodStart, version.periodMonths, at)) return null
  const notBefore = addCalendarMonths(periodStart, version.periodMonths)
  return { code: 'ANNUAL_LIMIT_REACHED', notBefore, version, periodStart, count }
}

/** A refusal on `grounds`; its sentence is written only where it is shown (`retakeReason`). */
function refuse(
  grounds: RetakeGrounds,
  refused: Pick<RetakeRefusal, 'exam' | 'timeZone' | 'policy' | 'attemptNumber'>,
  earliestAt: Instant | null = grounds.notBefore,
): RetakeRefusal {
  return {
    eligible: false,
    earliestAt,
    code: grounds.code,
    policy: refused.policy,
    attemptNumber: refused.attemptNumber,
    waiverId: null,
    exam: refused.exam,
    timeZone: refused.timeZone,
    grounds,
  }
}

/** The attempts at exactly this exam taken up to `at`, in order. */
function attemptsOfExam(attempts: readonly Attempt[], exam: Exam, at: Instant): Attempt[] {
  const own: Attempt[] = []
  for (const attempt of attempts) {
    if (attempt.exam === exam.number && attempt.takenAt <= at) own.push(attempt)
  }
  for (let i = 1; i < own.length; i++) {
    if (own[i]!.takenAt < own[i - 1]!.takenAt) return own.sort((a, b) => a.takenAt - b.takenAt)
  }
  return own
}

/** The version in force at `at` (or the first one, for an `at` before any), then every later one. */
function versionsFrom(
  policies: readonly PolicyVersion[],
  policyId: string,
  at: Instant,
): readonly PolicyVersion[] {
  // Usually one policy's versions already in order, as the store lists them: taken as they are.
  const own = isOnePolicyInOrder(policies, policyId)
    ? policies
    : policies
        .filter((version) => version.policyId === policyId)
        .sort((a, b) => a.effectiveFrom - b.effectiveFrom)
  let start = 0
  for (let i = 0; i < own.length; i++) if (own[i]!.effectiveFrom <= at) start = i
  return start === 0 ? own : own.slice(start)
}

function isOnePolicyInOrder(policies: readonly PolicyVersion[], policyId: string): boolean {
  for (let i = 0; i < policies.length; i++) {
    if (policies[i]!.policyId !== policyId) return false
    if (i > 0 && policies[i]!.effectiveFrom < policies[i - 1]!.effectiveFrom) return false
  }
  return true
}

/**
 * When the policy would next allow `exam` if the sitting at `startsAt`, at
 * `provider`, failed; null when never under the current data. What a
 * free-retake code needs to know before it is spent on that sitting.
 */
export function earliestRetakeIfFailed(
  policies: readonly PolicyVersion[],
  facts: RetakeFacts,
  exam: Exam,
  provider: string,
  startsAt: Instant,
): Instant | null {
  const failed = {
    id: 'if-this-sitting-failed',
    exam: exam.number,
    creditFor: exam.betaOf ?? exam.number,
    provider,
    takenAt: startsAt,
    outcome: 'fail' as const,
  }
  return decideRetake(
    policies,
    { ...facts, attempts: [...facts.attempts, failed] },
    exam,
    startsAt + 1,
  ).earliestAt
}
