import { Temporal } from 'temporal-polyfill'
import type { Instant } from './instant.js'

/**
 * How often slots start: a number of minutes (exact elapsed time, as
 * Temporal adds hours and minutes) or of days (calendar days on the centre's
 * clock, so 09:00 stays 09:00 across a daylight-saving change).
 */
export type SlotInterval =
  | { readonly unit: 'minutes'; readonly amount: number }
  | { readonly unit: 'days'; readonly amount: number }

/** Opening hours on the centre's clock, in minutes after midnight; a slot starts at or after `open` and before `close`. */
export interface DailyHours {
  readonly open: number
  readonly close: number
}

/** ISO weekday numbers: 1 is Monday, 7 is Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

/** The start times to create at one centre. */
export interface SlotSchedule {
  readonly from: Instant
  /** Exclusive. */
  readonly to: Instant
  readonly every: SlotInterval
  /** Null: around the clock. */
  readonly daily: DailyHours | null
  /** Null: every day of the week. */
  readonly weekdays: readonly Weekday[] | null
  /** The centre's IANA zone: opening hours and weekdays are read on its clock. */
  readonly timeZone: string
}

const EVERY = /^\s*(\d{1,5})\s*(m|min|h|d)\s*$/i
const DAILY = /^\s*([01]\d|2[0-4]):([0-5]\d)\s*-\s*([01]\d|2[0-4]):([0-5]\d)\s*$/
const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const

/** `30m`, `90min`, `2h`, `1d` → an interval; null for anything else, or for nothing at all (`0h`). */
export function parseSlotInterval(text: string): SlotInterval | null {
  const match = EVERY.exec(text)
  if (!match) return null
  const amount = Number(match[1])
  if (amount === 0) return null
  const unit = match[2]!.toLowerCase()
  if (unit === 'd') return { unit: 'days', amount }
  return { unit: 'minutes', amount: unit === 'h' ? amount * 60 : amount }
}

/** `09:00-17:00` → opening hours; null unless it opens before it closes (`24:00` is midnight at the end). */
export function parseDailyHours(text: string): DailyHours | null {
  const match = DAILY.exec(text)
  if (!match) return null
  const open = Number(match[1]) * 60 + Number(match[2])
  const close = Number(match[3]) * 60 + Number(match[4])
  if (open >= close || close > 24 * 60) return null
  return { open, close }
}

/** `mon-fri`, `mon,wed,fri`, `sat-sun`, `fri-mon` (wraps) → weekdays in order; null for anything else. */
export function parseWeekdays(text: string): Weekday[] | null {
  const days = new Set<Weekday>()
  for (const part of text.toLowerCase().split(',')) {
    const [first, last, ...rest] = part.split('-').map((name) => name.trim())
    if (rest.length > 0) return null
    const start = DAY_NAMES.indexOf(first as (typeof DAY_NAMES)[number])
    const end = last === undefined ? start : DAY_NAMES.indexOf(last as (typeof DAY_NAMES)[number])
    if (start < 0 || end < 0) return null
    for (let i = start; ; i = (i + 1) % 7) {
      days.add((i + 1) as Weekday)
      if (i === end) break
    }
  }
  return [...days].sort((a, b) => a - b)
}

/** `2026-09-27` → the instant that day starts on the zone's clock; null for anything but a real date. */
export function parseLocalDate(text: string, timeZone: string): Instant | null {
  if (!/^\s*\d{4}-\d{2}-\d{2}\s*$/.test(text)) return null
  try {
    const date = Temporal.PlainDate.from(text.trim(), { overflow: 'reject' })
    return date.toZonedDateTime(timeZone).epochMilliseconds
  } catch {
    return null
  }
}

/** `{open: 540, close: 1020}` → `09:00-17:00`. */
export function formatDailyHours(hours: DailyHours): string {
  return `${formatMinutes(hours.open)}-${formatMinutes(hours.close)}`
}

function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/**
 * Every slot start the schedule asks for, in order, each in `[from, to)`.
 *
 * With opening hours, each allowed day on the centre's clock has slots at
 * `open`, `open + every`, … before `close`: wall-clock times, so a 09:00 slot
 * is at 09:00 local on both sides of a daylight-saving change and its UTC
 * instant moves. A wall-clock time the clock skips (spring forward) is not a
 * slot; one it shows twice (fall back) is the first of the two.
 *
 * Without opening hours, slots start at `from` and follow every `every`
 * (minutes: exact elapsed time; days: the same wall-clock time each day).
 *
 * @example
 * computeSlotStarts({ from, to, every: { unit: 'minutes', amount: 240 },
 *   daily: { open: 540, close: 1020 }, weekdays: [1, 2, 3, 4, 5], timeZone: 'Pacific/Auckland' })
 * // 09:00 and 13:00 NZ time on each weekday
 */
export function computeSlotStarts(schedule: SlotSchedule): Instant[] {
  const { from, to, every, daily, weekdays, timeZone } = schedule
  if (!(from < to)) return []
  const allowed = (dayOfWeek: number) =>
    weekdays === null || weekdays.includes(dayOfWeek as Weekday)
  const starts: Instant[] = []

  if (daily === null) {
    const first = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(timeZone)
    if (every.unit === 'minutes') {
      const step = every.amount * 60_000
      // Exact steps: only the weekday needs the zone, and it changes at most once a day.
      let known: { readonly dayStart: Instant; readonly dayEnd: Instant; readonly ok: boolean } = {
        dayStart: 0,
        dayEnd: 0,
        ok: false,
      }
      for (let at = from; at < to; at += step) {
        if (at < known.dayStart || at >= known.dayEnd) known = dayAround(at, timeZone, allowed)
        if (known.ok) starts.push(at)
      }
      return starts
    }
    for (let n = 0; ; n++) {
      const at = first.add({ days: n * every.amount })
      if (at.epochMilliseconds >= to) break
      if (allowed(at.dayOfWeek)) starts.push(at.epochMilliseconds)
    }
    return starts
  }

  if (every.unit !== 'minutes') return []
  let date = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(timeZone).toPlainDate()
  const lastDate = Temporal.Instant.fromEpochMilliseconds(to - 1)
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
  for (; Temporal.PlainDate.compare(date, lastDate) <= 0; date = date.add({ days: 1 })) {
    if (!allowed(date.dayOfWeek)) continue
    for (let minute = daily.open; minute < daily.close; minute += every.amount) {
      const at = wallClockInstant(date, minute, timeZone)
      if (at === null || at < from || at >= to) continue
      // A fall-back hour can give two wall-clock times one instant.
      if (starts.length > 0 && starts[starts.length - 1]! >= at) continue
      starts.push(at)
    }
  }
  return starts
}

/** The local day holding `at`: its bounds as instants, and whether its weekday is allowed. */
function dayAround(at: Instant, timeZone: string, allowed: (dayOfWeek: number) => boolean) {
  const local = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(timeZone)
  const dayStart = local.startOfDay()
  return {
    dayStart: dayStart.epochMilliseconds,
    dayEnd: dayStart.add({ days: 1 }).epochMilliseconds,
    ok: allowed(local.dayOfWeek),
  }
}

/** `date` at `minute` after midnight on the zone's clock; null when the clock skips that time. */
function wallClockInstant(
  date: Temporal.PlainDate,
  minute: number,
  timeZone: string,
): Instant | null {
  const wall = date.toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 })
  const zoned = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' })
  // In a gap, 'earlier' moves the time back by the gap: the clock never showed it.
  if (!zoned.toPlainDateTime().equals(wall)) return null
  return zoned.epochMilliseconds
}
