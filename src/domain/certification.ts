import type { Attempt } from './attempt.js'
import { addCalendarMonths } from './calendar-months.js'
import type { ExamNumber } from './exam-number.js'
import type { Instant } from './instant.js'

/** A certification and the exams that earn it (all of them must be passed). */
export interface Certification {
  readonly id: string
  readonly name: string
  readonly exams: readonly ExamNumber[]
  /** Months a certification stays current after it is earned; null: it never expires. */
  readonly validityMonths: number | null
}

export interface EarnedCertification {
  readonly certificationId: string
  readonly name: string
  readonly exams: readonly ExamNumber[]
  readonly earnedAt: Instant
  readonly expiresAt: Instant | null
}

/** Whether an earned certification holds at `at`: it never expires, or expires after `at`. */
export function isCertificationCurrent(earned: EarnedCertification, at: Instant): boolean {
  return earned.expiresAt === null || earned.expiresAt > at
}

/**
 * The certifications a history has earned. A certification is earned at the
 * latest of the latest passes of its exams, so passing an exam again after
 * expiry earns it afresh. A beta pass counts for the live exam it previews.
 */
export function computeEarnedCertifications(
  certifications: readonly Certification[],
  attempts: readonly Attempt[],
): EarnedCertification[] {
  const latestPass = new Map<ExamNumber, Instant>()
  for (const attempt of attempts) {
    if (attempt.outcome !== 'pass') continue
    const previous = latestPass.get(attempt.creditFor)
    if (previous === undefined || attempt.takenAt > previous) {
      latestPass.set(attempt.creditFor, attempt.takenAt)
    }
  }
  const earned: EarnedCertification[] = []
  for (const certification of certifications) {
    let earnedAt: Instant | null = null
    for (const exam of certification.exams) {
      const passedAt = latestPass.get(exam)
      if (passedAt === undefined) {
        earnedAt = null
        break
      }
      earnedAt = earnedAt === null ? passedAt : Math.max(earnedAt, passedAt)
    }
    if (earnedAt === null || certification.exams.length === 0) continue
    earned.push({
      certificationId: certification.id,
      name: certification.name,
      exams: certification.exams,
      earnedAt,
      expiresAt:
        certification.validityMonths === null
          ? null
          : addCalendarMonths(earnedAt, certification.validityMonths),
    })
  }
  return earned
}
