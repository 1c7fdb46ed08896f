import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { insertSlots } from '../../db/catalogue/slots.js'
import type { DB } from '../../db/engine/schema.js'
import { DAY_MS, type Instant } from '../../domain/instant.js'
import {
  computeSlotStarts,
  type DailyHours,
  parseDailyHours,
  parseLocalDate,
  parseSlotInterval,
  parseWeekdays,
  type SlotInterval,
  type Weekday,
} from '../../domain/slot-schedule.js'
import type { TestCentre } from '../../domain/test-centre.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { requireInstant } from '../input-fields.js'
import { runCommand } from '../run-command.js'
import { getCentre } from './get-centre.js'

export interface GenerateSlotsInput {
  readonly centreId: string
  /** RFC 3339 instant, or a date (`2026-09-01`): the start of that day on the centre's clock. */
  readonly from: string
  /** Exclusive; as `from`. */
  readonly to: string
  /** `30m`, `2h`, `1d`: minutes and hours are elapsed time, days keep the wall-clock time. */
  readonly every: string
  /** Opening hours on the centre's clock, `09:00-17:00`: slots start at open, then every `every`, before close. */
  readonly daily?: string
  /** `mon-fri`, `mon,wed,fri`: only these days on the centre's clock. */
  readonly days?: string
  /** Seats per slot; default 20. */
  readonly capacity?: number
}

export interface GenerateSlotsResult {
  readonly centre: TestCentre
  /** Starts the schedule gives from now on. */
  readonly requested: number
  /** Slots stored by this call. */
  readonly created: number
  /** Starts the centre already had a slot at (left as they were: seats, bookings). */
  readonly existing: number
  readonly first: Instant | null
  readonly last: Instant | null
}

export interface GenerateSlotsOptions {
  /** Told after each stored batch: how many starts are done, of how many. */
  readonly onProgress?: (done: number, total: number) => void
}

export const DEFAULT_CAPACITY = 20
export const MAX_CAPACITY = 1_000
/** Most slots one call makes: a year every 15 minutes around the clock is 35,040. */
export const MAX_SLOTS_PER_CALL = 100_000
const MAX_RANGE_DAYS = 731
const MIN_EVERY_MINUTES = 5
const PROGRESS_BATCH = 5_000

/**
 * Creates a centre's slots from a schedule on its own clock. Idempotent: a
 * start the centre already has a slot at is skipped (its seats and bookings
 * stay), so running the same generation twice creates nothing the second
 * time, and widening a range fills only the gap. Starts before now are not
 * created.
 */
export async function generateSlots(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: GenerateSlotsInput,
  options: GenerateSlotsOptions = {},
): Promise<GenerateSlotsResult> {
  const now = deps.clock.now()
  const centre = await getCentre(deps, input.centreId, 'centre')
  const { starts, capacity } = planSlotSchedule(centre, input, now)

  const created = await runCommand(deps, {}, async (trx) => {
    let inserted = 0
    for (let i = 0; i < starts.length; i += PROGRESS_BATCH) {
      const batch = starts.slice(i, i + PROGRESS_BATCH)
      inserted += await insertSlots(
        trx,
        batch.map((startsAt) => ({
          id: uuidv7(),
          centreId: centre.id,
          startsAt,
          capacity,
          createdAt: now,
        })),
      )
      options.onProgress?.(i + batch.length, starts.length)
    }
    return inserted
  })
  return {
    centre,
    requested: starts.length,
    created,
    existing: starts.length - created,
    first: starts[0] ?? null,
    last: starts.at(-1) ?? null,
  }
}

/** What a schedule asks of a centre: its starts from `now` on, and the seats each slot gets. */
export interface SlotSchedulePlan {
  readonly starts: readonly Instant[]
  readonly capacity: number
}

/**
 * Reads a schedule on the centre's clock and lists the starts it gives from
 * `now` on; refuses one that is malformed or too large (SLOT_SCHEDULE_INVALID).
 * Generating and previewing both read a schedule here, so a preview shows
 * exactly the starts a generation would make.
 */
export function planSlotSchedule(
  centre: TestCentre,
  input: Omit<GenerateSlotsInput, 'centreId'>,
  now: Instant,
): SlotSchedulePlan {
  const from = requireTimeOn(input.from, 'from', centre.timeZone)
  const to = requireTimeOn(input.to, 'to', centre.timeZone)
  if (to <= from) refuse('to', 'must be after from')
  if (to - from > MAX_RANGE_DAYS * DAY_MS)
    refuse('to', `must be within ${MAX_RANGE_DAYS} days of from`)
  const every = requireInterval(input.every)
  const daily = input.daily === undefined ? null : requireDaily(input.daily)
  if (daily !== null && every.unit === 'days')
    refuse('every', 'must be shorter than a day when opening hours are given')
  const weekdays = input.days === undefined ? null : requireWeekdays(input.days)
  const capacity = input.capacity ?? DEFAULT_CAPACITY
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY)
    refuse('capacity', `must be a whole number of seats from 1 to ${MAX_CAPACITY}`)

  // Counted before anything is built: a 5-minute schedule over two years would be 210,000 starts.
  const bound = Math.ceil((to - from) / (every.unit === 'days' ? DAY_MS : every.amount * 60_000))
  if (bound > MAX_SLOTS_PER_CALL * 2)
    refuse('every', `gives more than ${MAX_SLOTS_PER_CALL} slots; generate a shorter range`)
  const starts = computeSlotStarts({
    from,
    to,
    every,
    daily,
    weekdays,
    timeZone: centre.timeZone,
  }).filter((at) => at >= now)
  if (starts.length > MAX_SLOTS_PER_CALL)
    refuse(
      'every',
      `gives ${starts.length} slots, more than ${MAX_SLOTS_PER_CALL}; generate a shorter range`,
    )
  return { starts, capacity }
}

function refuse(field: string, problem: string): never {
  throw new AppError('SLOT_SCHEDULE_INVALID', { field, problem })
}

function requireTimeOn(text: string, field: string, timeZone: string): Instant {
  return parseLocalDate(text, timeZone) ?? requireInstant(text, field)
}

function requireInterval(text: string): SlotInterval {
  const every = parseSlotInterval(text)
  if (every === null) refuse('every', `"${text}" is not an interval such as 30m, 2h or 1d`)
  if (every.unit === 'minutes' && every.amount < MIN_EVERY_MINUTES)
    refuse('every', `must be at least ${MIN_EVERY_MINUTES} minutes`)
  return every
}

function requireDaily(text: string): DailyHours {
  const daily = parseDailyHours(text)
  if (daily === null)
    refuse('daily', `"${text}" is not opening hours such as 09:00-17:00 (opening before closing)`)
  return daily
}

function requireWeekdays(text: string): Weekday[] {
  const days = parseWeekdays(text)
  if (days === null)
    refuse('days', `"${text}" is not a list of days such as mon-fri or mon,wed,fri`)
  return days
}
