import { Type } from 'typebox'
import { formatInstant, formatInZone, type Instant } from '../../domain/instant.js'

/** Instants go out as UTC text, with the same moment on a named zone's wall clock beside them. */
export const InstantText = Type.String({ maxLength: 64, examples: ['2026-12-01T09:00:00Z'] })
export const LocalTimeText = Type.String({
  description: 'The same instant on the wall clock of the named zone',
  examples: ['2026-12-01T22:00 Pacific/Auckland'],
})

export function toInstantOut(instant: Instant): string {
  return formatInstant(instant)
}

export function toLocalOut(instant: Instant, timeZone: string): string {
  return formatInZone(instant, timeZone)
}
