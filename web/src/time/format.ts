import { dateTimeFormat, numberFormat } from '../i18n/formatters'

/**
 * Instants come from the API in UTC; a person reads them on a clock. An
 * appointment is shown on the centre's clock with its zone named, and on the
 * reader's beside it when the two clocks differ at that instant.
 */
export function formatOnClock(locale: string, instant: string, timeZone: string): string {
  return dateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'long',
  }).format(new Date(instant))
}

/** A day without a time, on the given clock: a due date, an expiry. */
export function formatDay(locale: string, instant: string, timeZone: string): string {
  return dateTimeFormat(locale, { timeZone, dateStyle: 'long' }).format(new Date(instant))
}

/** The zone this browser's clock is set to. */
export function readerTimeZone(): string {
  return dateTimeFormat(undefined, {}).resolvedOptions().timeZone
}

/** Whether two zones show different wall-clock times at this instant (not merely different names). */
export function clocksDiffer(instant: string, a: string, b: string): boolean {
  const at = new Date(instant)
  const wall = (timeZone: string) =>
    dateTimeFormat('en', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at)
  return wall(a) !== wall(b)
}

/** Money in its currency's own decimals, for the reader's locale. */
export function formatMoney(locale: string, cents: number, currency: string): string {
  const format = numberFormat(locale, { style: 'currency', currency })
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return format.format(cents / 10 ** digits)
}

/**
 * A deadline beside the time it belongs to, on the same clock: shorter than
 * `formatOnClock` (no year, the zone abbreviated where the language has an
 * abbreviation), because it is read next to a time that names its zone in full.
 */
export function formatOnClockShort(locale: string, instant: string, timeZone: string): string {
  return dateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(instant))
}
