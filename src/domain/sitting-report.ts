import { HOUR_MS, type Instant } from './instant.js'

export type SittingReportKind = 'check-in' | 'no-show' | 'result'

/** Check-in opens this long before the appointment, as at a centre's front desk. */
export const CHECK_IN_OPENS_HOURS = 2

export type SittingReportDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly code: 'REGISTRATION_NOT_ACTIVE' }
  | { readonly allowed: false; readonly code: 'REPORT_TOO_EARLY'; readonly from: Instant }
  | {
      readonly allowed: false
      readonly code: 'TAKEN_AT_OUTSIDE_SITTING'
      readonly from: Instant
      readonly until: Instant
    }

/**
 * May a provider report this about a registration now? A check-in from two
 * hours before the appointment, a no-show or a result once it has started;
 * a result's time lies between the appointment's start and now. Reported
 * early, a result would spend a seat that is still to come and put an
 * attempt into the history that did not happen.
 */
export function decideSittingReport(
  kind: SittingReportKind,
  status: string,
  startsAt: Instant,
  now: Instant,
  takenAt: Instant = startsAt,
): SittingReportDecision {
  const open = kind === 'result' ? ['booked', 'checked-in'] : ['booked']
  if (!open.includes(status)) return { allowed: false, code: 'REGISTRATION_NOT_ACTIVE' }
  const from = kind === 'check-in' ? startsAt - CHECK_IN_OPENS_HOURS * HOUR_MS : startsAt
  if (now < from) return { allowed: false, code: 'REPORT_TOO_EARLY', from }
  if (kind === 'result' && (takenAt < startsAt || takenAt > now)) {
    return { allowed: false, code: 'TAKEN_AT_OUTSIDE_SITTING', from: startsAt, until: now }
  }
  return { allowed: true }
}
