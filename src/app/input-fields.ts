import { parseCountry } from '../domain/country.js'
import { parseEmail } from '../domain/email.js'
import { type ExamNumber, parseExamNumber } from '../domain/exam-number.js'
import { type Instant, parseInstantInput } from '../domain/instant.js'
import { parsePersonName } from '../domain/person-name.js'
import { parseTimeZone } from '../domain/time-zone.js'
import { AppError } from './errors.js'

/** Text from the outside turned into domain values, or refused naming the field. */

export function requireExamNumber(text: string, field = 'exam'): ExamNumber {
  const number = parseExamNumber(text)
  if (number === null) throw new AppError('EXAM_NUMBER_MALFORMED', { field, value: text })
  return number
}

export function requireInstant(text: string, field: string): Instant {
  const instant = parseInstantInput(text)
  if (instant === null) throw new AppError('INSTANT_INVALID', { field, value: text })
  return instant
}

export function requireCountry(text: string, field = 'country'): string {
  const country = parseCountry(text)
  if (country === null) throw new AppError('COUNTRY_INVALID', { field, value: text })
  return country
}

export function requireTimeZone(text: string, field = 'timeZone'): string {
  const zone = parseTimeZone(text)
  if (zone === null) throw new AppError('TIME_ZONE_INVALID', { field, value: text })
  return zone
}

export function requireEmail(text: string, field = 'email'): string {
  const email = parseEmail(text)
  if (email === null) throw new AppError('EMAIL_INVALID', { field, value: text })
  return email
}

/** A person's name as stored: trimmed, NFC, without controls or invisible formatting (see parsePersonName). */
export function requireName(text: string, field: string): string {
  const parsed = parsePersonName(text)
  if (!parsed.ok) throw invalidName(parsed.problem, field)
  return parsed.name
}

/** A name refused by parsePersonName, as the request body's one problem. */
export function invalidName(problem: string, field: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    field,
    location: 'body',
    problem,
    errors: [{ field, problem }],
  })
}
