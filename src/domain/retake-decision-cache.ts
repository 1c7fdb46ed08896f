import { addCalendarMonths } from './calendar-months.js'
import { decideRetake, type RetakeFacts } from './decide-retake.js'
import type { Exam } from './exam.js'
import { HOUR_MS, type Instant } from './instant.js'
import type { PolicyVersion } from './policy-version.js'
import type { RetakeDecision } from './retake-decision.js'

/**
 * The retake decisions of one candidate for one exam, at any instant, each
 * worked out once per stretch of time in which it cannot change.
 *
 * `decideRetake` looks at `at` only to compare it with instants taken from
 * its facts: attempts, policy dates, the beta period, certification
 * expiries, the ends of waits and of attempt-limit periods. Each comparison
 * changes its answer only when `at` reaches one of those instants, so
 * between two neighbours of the set (`boundariesOf`) the decision stays the
 * same, except that an eligible decision's `earliestAt` is `at` itself. The
 * set may hold more instants than the rules need: that only makes the
 * stretches shorter. A property test holds the answers to `decideRetake`
 * at random instants, at the boundaries and next to them.
 */
export class RetakeDecisionCache {
  /** Found at the second question: one asked only once (a read not remembered) costs nothing more. */
  #boundaries: readonly Instant[] | undefined
  #asked = false
  /** Decisions by stretch: the number of boundaries at or before the instant asked about. */
  readonly #decided = new Map<number, RetakeDecision>()

  constructor(
    private readonly policies: readonly PolicyVersion[],
    private readonly facts: RetakeFacts,
    private readonly exam: Exam,
  ) {}

  /** What `decideRetake` answers at `at`. */
  at(at: Instant): RetakeDecision {
    return decisionAt(this.ofStretch(at), at)
  }

  /**
   * The decision of the stretch of time that holds `at`: the same object for
   * every instant of the stretch, so that a caller may remember what it made
   * of it. An eligible one's `earliestAt` is the instant it was first worked
   * out for; `decisionAt` puts in the one asked about.
   */
  ofStretch(at: Instant): RetakeDecision {
    if (this.#boundaries === undefined) {
      if (!this.#asked) {
        this.#asked = true
        return decideRetake(this.policies, this.facts, this.exam, at)
      }
      this.#boundaries = boundariesOf(this.policies, this.facts, this.exam)
    }
    const stretch = countUpTo(this.#boundaries, at)
    let decision = this.#decided.get(stretch)
    if (decision === undefined) {
      decision = decideRetake(this.policies, this.facts, this.exam, at)
      this.#decided.set(stretch, decision)
    }
    return decision
  }
}

/** A stretch's decision at `at`: only an eligible decision's earliestAt is the instant asked about. */
export function decisionAt(decision: RetakeDecision, at: Instant): RetakeDecision {
  return decision.eligible && decision.earliestAt !== at
    ? { ...decision, earliestAt: at }
    : decision
}

/** Every instant at which a comparison of the engine with `at` may change its answer, sorted. */
function boundariesOf(
  policies: readonly PolicyVersion[],
  facts: RetakeFacts,
  exam: Exam,
): Instant[] {
  const found = new Set<Instant>()
  for (const version of policies) found.add(version.effectiveFrom)
  if (exam.betaPeriod) {
    found.add(exam.betaPeriod.start)
    found.add(exam.betaPeriod.end)
  }
  for (const certification of facts.certifications) {
    found.add(certification.earnedAt)
    if (certification.expiresAt !== null) found.add(certification.expiresAt)
  }
  for (const waiver of facts.waivers) found.add(waiver.grantedAt)
  for (const attempt of facts.attempts) {
    found.add(attempt.takenAt)
    if (attempt.exam !== exam.number) continue
    // A wait may run from any attempt at this exam, a limit period may start at any.
    for (const version of policies) {
      for (const hours of version.waitHours) found.add(attempt.takenAt + hours * HOUR_MS)
      if (version.attemptLimit !== null) {
        found.add(addCalendarMonths(attempt.takenAt, version.periodMonths))
      }
    }
  }
  return [...found].sort((a, b) => a - b)
}

/** How many of the sorted `instants` are at or before `at`. */
function countUpTo(instants: readonly Instant[], at: Instant): number {
  let low = 0
  let high = instants.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (instants[middle]! <= at) low = middle + 1
    else high = middle
  }
  return low
}
