import { type ExamNumber, examPrefix } from './exam-number.js'

/** A family of exams sharing a number prefix and a retake policy; families are data. */
export interface ExamFamily {
  readonly id: string
  readonly name: string
  readonly prefixes: readonly string[]
  readonly policyId: string
}

/** The family whose prefix the number carries, or null when none claims it. */
export function findFamilyOfNumber(
  families: readonly ExamFamily[],
  number: ExamNumber,
): ExamFamily | null {
  const prefix = examPrefix(number)
  return families.find((family) => family.prefixes.includes(prefix)) ?? null
}
