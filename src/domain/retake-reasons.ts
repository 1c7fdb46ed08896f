import type { Attempt } from './attempt.js'
import type { Exam } from './exam.js'
import { formatInZone, type Instant } from './instant.js'
import type {
  RetakeDecision,
  RetakeGrounds,
  RetakeRefusal,
  Unavailability,
} from './retake-decision.js'

/** The sentences a candidate reads for each retake decision. */

// A remembered refusal is shown again and again; its sentence formats times in a zone, once.
const written = new WeakMap<RetakeRefusal, string>()

/** The sentence a candidate reads for `decision`, from the facts it carries. */
export function retakeReason(decision: RetakeDecision): string {
  if (decision.eligible) {
    return explainEligible(decision.exam, decision.attemptNumber, decision.waiverId !== null)
  }
  if ('reason' in decision) return decision.reason
  let reason = written.get(decision)
  if (reason === undefined) {
    reason = explainRefusal(decision)
    written.set(decision, reason)
  }
  return reason
}

function explainRefusal({ grounds, exam, timeZone: zone }: RetakeRefusal): string {
  switch (grounds.code) {
    case 'EXAM_NOT_AVAILABLE':
      return explainUnavailable(exam, grounds.why, zone)
    case 'RESULT_PENDING':
      return explainPending(exam, grounds.latest, zone)
    case 'BETA_ALREADY_TAKEN':
      return explainBetaTaken(exam, grounds.taken, zone)
    case 'ALREADY_PASSED':
      return explainAlreadyPassed(exam, grounds.pass, grounds.notBefore, zone)
    case 'RETAKE_TOO_SOON':
      return explainWait(exam, grounds, zone)
    case 'ANNUAL_LIMIT_REACHED':
      return explainAttemptLimit(exam, grounds, zone)
  }
}

function when(instant: Instant, zone: string): string {
  return formatInZone(instant, zone).replace('T', ' ')
}

function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}

/** `24 hours`, `2 days (48 hours)`, `14 days`. */
export function describeWait(hours: number): string {
  if (hours < 48 || hours % 24 !== 0) return `${hours} hours`
  const days = hours / 24
  return days === 2 ? '2 days (48 hours)' : `${days} days`
}

function explainEligible(exam: Exam, attemptNumber: number, usesWaiver: boolean): string {
  const base = `You may take ${exam.number} now; it would be your ${ordinal(attemptNumber)} attempt at this exam.`
  return usesWaiver ? `${base} It uses your approved retake exception.` : base
}

function explainWait(
  exam: Exam,
  grounds: Extract<RetakeGrounds, { code: 'RETAKE_TOO_SOON' }>,
  zone: string,
): string {
  const { version: policy, last, failures, hours, notBefore } = grounds
  const run = failures === 1 ? 'a first failure' : `a ${ordinal(failures)} failure in a row`
  return (
    `You did not pass ${exam.number} on ${when(last.takenAt, zone)}. ` +
    `After ${run}, the ${policy.name} asks you to wait ${describeWait(hours)}, ` +
    `so your next attempt can be from ${when(notBefore, zone)}.`
  )
}

function explainAttemptLimit(
  exam: Exam,
  grounds: Extract<RetakeGrounds, { code: 'ANNUAL_LIMIT_REACHED' }>,
  zone: string,
): string {
  const { version: policy, periodStart, count, notBefore } = grounds
  return (
    `You have taken ${exam.number} ${count} times in the ${policy.periodMonths}-month period ` +
    `that began with your attempt on ${when(periodStart, zone)}; the ${policy.name} allows ` +
    `${policy.attemptLimit} in that period. You can take it again from ${when(notBefore, zone)}, ` +
    'or request an exception if an attempt failed because of a lab crash, a connectivity failure or an equipment failure.'
  )
}

function explainAlreadyPassed(
  exam: Exam,
  pass: Attempt,
  expiry: Instant | null,
  zone: string,
): string {
  const passed =
    pass.exam === exam.number
      ? `You passed ${exam.number}`
      : `You passed the beta ${pass.exam} of ${exam.number}`
  if (expiry === null) {
    return `${passed} on ${when(pass.takenAt, zone)}. A passed exam cannot be taken again unless a certification it earned expires, and none of yours expires.`
  }
  return `${passed} on ${when(pass.takenAt, zone)}. A passed exam can be taken again once the certification it earned expires, on ${when(expiry, zone)}.`
}

function explainBetaTaken(exam: Exam, taken: Attempt, zone: string): string {
  const live = exam.betaOf
    ? ` If you do not pass it, you can take ${exam.betaOf} once it is live.`
    : ''
  return `You took the beta exam ${exam.number} on ${when(taken.takenAt, zone)}; a beta exam can be taken only once.${live}`
}

function explainPending(exam: Exam, latest: Attempt, zone: string): string {
  return `Your result for ${exam.number} from ${when(latest.takenAt, zone)} is not in yet; you can book again once it is known.`
}

function explainUnavailable(exam: Exam, why: Unavailability, zone: string): string {
  switch (why) {
    case 'no-policy':
      return `No retake policy governs ${exam.number} yet; please contact the programme team.`
    case 'retired':
      return `${exam.number} has been retired and can no longer be taken.`
    case 'not-live':
      return `${exam.number} is not live yet; it cannot be booked until it is.`
    case 'beta-not-started':
      return `The beta exam ${exam.number} opens on ${when(exam.betaPeriod!.start, zone)}.`
    case 'beta-over': {
      const ended = exam.betaPeriod ? ` ended on ${when(exam.betaPeriod.end, zone)}` : ' is over'
      const live = exam.betaOf ? `; take ${exam.betaOf} once it is live` : ''
      return `The beta period of ${exam.number}${ended}${live}.`
    }
  }
}
