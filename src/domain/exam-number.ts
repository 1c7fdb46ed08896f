/**
 * An exam number in its one stored spelling: a three-digit family prefix and
 * a three-digit serial, `070-620`. `70-620` is the same exam written short.
 */
export type ExamNumber = string

const EXAM_NUMBER = /^\s*(\d{2,3})-(\d{3})\s*$/

/** `70-620`, `070-620` → `070-620`; null for anything else (`7O-620`, `70620`). */
export function parseExamNumber(text: string): ExamNumber | null {
  const match = EXAM_NUMBER.exec(text)
  if (!match) return null
  return `${match[1]!.padStart(3, '0')}-${match[2]}`
}

/** The family prefix of a canonical exam number: `070-620` → `070`. */
export function examPrefix(number: ExamNumber): string {
  return number.slice(0, 3)
}

/** The serial part of a canonical exam number: `071-621` → `621`. */
export function examSerial(number: ExamNumber): string {
  return number.slice(4)
}
