import { parseCountry } from '../domain/country.js'
import { parseEmail } from '../domain/email.js'
import { type ExamNumber, parseExamNumber } from '../domain/exam-number.js'
import { type Instant, parseInstant } from '../domain/instant.js'
import { parsePersonName } from '../domain/person-name.js'
import { parseTimeZone } from '../domain/time-zone.js'
import { AppError } from './errors.js'

/** Text from the outside turned into domain values, or refused naming the field. */

export function requireExamNumber(text: string, field = 'exam'): ExamNumber {
  const number = parseExamNumber(text)
  if (number === null) throw new AppError('EXAM_NUMBER_MALFORMED', { field, value: text })
  return number
}

// RFC 3339 years have four digits: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z (year 0
// does not exist for PostgreSQL). Temporal also reads ±YYYYYY years, whose arithmetic runs off
// its range and whose text does not sort or store like a 4-digit year's.
const EARLIEST_INSTANT: Instant = Date.parse('0001-01-01T00:00:00.000Z')
const LATEST_INSTANT: Instant = Date.parse('9999-12-31T23:59:59.999Z')

export function requireInstant(text: string, field: string): Instant {
  const instant = parseInstant(text)
  if (instant === null || instant < EARLIEST_INSTANT || instant > LATEST_INSTANT) {
    throw new AppError('INSTANT_INVALID', { field, value: text })
  }
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
  if (!parsed.ok) {
    throw new AppError('VALIDATION_FAILED', {
      field,
      location: 'body',
      problem: parsed.problem,
      errors: [{ field, problem: parsed.problem }],
    })
  }
  return parsed.name
}
