import { HOUR_MS, type Instant } from './instant.js'

/** Who a wave invites. */
export const WAVE_AUDIENCES = ['retake', 're-registration', 'roster-rest', 'list'] as const
export type WaveAudience = (typeof WAVE_AUDIENCES)[number]

/** One bound code per invitee, or one bearer code for the whole wave. */
export const WAVE_CODE_MODES = ['single-use', 'per-wave'] as const
export type WaveCodeMode = (typeof WAVE_CODE_MODES)[number]

/**
 * `draft` until it opens; then `open` or `paused`, back and forth. A wave
 * never closes by itself. A draft can be `withdrawn`: it never opens, and
 * holds back no later wave.
 */
export type WaveStatus = 'draft' | 'open' | 'paused' | 'withdrawn'

/** What the dedupe keys of invitation mails start with; the rest names the wave and the invitee. */
export const INVITATION_KEY_PREFIX = 'wave-invitation:'

/** The outbox dedupe key of one invitation mail: one mail per wave and invitee, however often sent. */
export function computeInvitationDedupeKey(waveId: string, candidateId: string): string {
  return `${INVITATION_KEY_PREFIX}${waveId}:${candidateId}`
}

/** The priority a wave gives the one before it, unless said otherwise. */
export const DEFAULT_HOURS_AFTER_PREVIOUS = 72

/** A stretch of time during which registration worked for a wave's invitees; `end` null: still open. */
export interface OpenInterval {
  readonly start: Instant
  readonly end: Instant | null
}

/** A wave as the timing rules see it. */
export interface WaveTiming {
  /** 1-based, per exam. */
  readonly position: number
  /** Hours of the previous wave's open time before this one may open. */
  readonly hoursAfterPrevious: number
  /** Oldest first; at most the last one is still open. */
  readonly intervals: readonly OpenInterval[]
  /** Withdrawn before it opened: it has no priority to give. */
  readonly withdrawn?: boolean
}

export type WaveOpening =
  | { readonly allowed: true }
  | {
      readonly allowed: false
      readonly code: 'WAVE_TOO_EARLY'
      /** The earliest instant it may open if nothing changes; null while the previous wave is not open. */
      readonly opensAt: Instant | null
      /** Open time the previous wave still has to run, in ms. */
      readonly remainingMs: number
      readonly reason: string
    }

/**
 * How long registration has worked for a wave by `now`: the sum of its open
 * intervals, an interval still open counting up to `now`. Time while paused,
 * and time since the mail was sent, do not count.
 */
export function computeOpenTime(intervals: readonly OpenInterval[], now: Instant): number {
  let total = 0
  for (const interval of intervals) {
    const end = Math.min(interval.end ?? now, now)
    if (end > interval.start) total += end - interval.start
  }
  return total
}

/** The status the intervals imply: none yet is a draft (or withdrawn, if it was); the last one open is open. */
export function computeWaveStatus(
  intervals: readonly OpenInterval[],
  withdrawn = false,
): WaveStatus {
  const last = intervals.at(-1)
  if (!last && withdrawn) return 'withdrawn'
  if (!last) return 'draft'
  return last.end === null ? 'open' : 'paused'
}

/**
 * The instant from which the wave after `previous` may open, given
 * `hoursAfterPrevious` hours of the previous wave's open time: the moment that
 * much open time was reached, or will be if it stays open. Null while the
 * previous wave is a draft or paused short of it (no date can be promised).
 *
 * @example
 * computeMayOpenAt([{ start: t, end: null }], 72, now) // t + 72 h
 */
export function computeMayOpenAt(
  previous: readonly OpenInterval[],
  hoursAfterPrevious: number,
  now: Instant,
): Instant | null {
  let needed = hoursAfterPrevious * HOUR_MS
  for (const interval of previous) {
    const end = interval.end === null ? null : Math.min(interval.end, now)
    if (end === null) return interval.start + needed
    const length = Math.max(0, end - interval.start)
    if (length >= needed) return interval.start + needed
    needed -= length
  }
  return null
}

/**
 * May `wave` open at `now`, given the waves of its exam? The first wave may
 * always open; wave k only after every earlier wave has been open for the
 * wave's `hoursAfterPrevious` (the boundary instant is allowed), so that a
 * paused early wave keeps its priority over every later one, not only over
 * the next. Waves already open or paused are not asked again.
 */
export function decideWaveOpening(
  waves: readonly WaveTiming[],
  wave: WaveTiming,
  now: Instant,
): WaveOpening {
  const before = waves.filter((other) => other.position < wave.position)
  if (wave.position > 1 && before.length === 0)
    before.push({ ...wave, position: wave.position - 1, intervals: [] })
  // A withdrawn wave never opened and never will: it keeps no seats for anyone.
  const earlier = before.filter((other) => !other.withdrawn).sort((a, b) => a.position - b.position)
  for (const previous of earlier) {
    const intervals = previous.intervals
    const opensAt = computeMayOpenAt(intervals, wave.hoursAfterPrevious, now)
    if (opensAt !== null && opensAt <= now) continue
    const neededMs = wave.hoursAfterPrevious * HOUR_MS
    const remainingMs = Math.max(0, neededMs - computeOpenTime(intervals, now))
    const status = computeWaveStatus(intervals)
    const hours = (remainingMs / HOUR_MS).toFixed(1).replace(/\.0$/, '')
    const reason =
      status === 'draft'
        ? `Wave ${previous.position} has not opened yet; wave ${wave.position} may open ${wave.hoursAfterPrevious} h after it does.`
        : status === 'paused'
          ? `Wave ${previous.position} is paused with ${hours} h of its priority left; wave ${wave.position} may open once it has been open ${wave.hoursAfterPrevious} h in all.`
          : `Wave ${previous.position} has ${hours} h of its priority left; wave ${wave.position} may open at the end of it.`
    return { allowed: false, code: 'WAVE_TOO_EARLY', opensAt, remainingMs, reason }
  }
  return { allowed: true }
}

/** Pauses an open wave at `now`: its last interval ends. A wave that is not open is returned as it is. */
export function pauseIntervals(intervals: readonly OpenInterval[], now: Instant): OpenInterval[] {
  const last = intervals.at(-1)
  if (!last || last.end !== null) return [...intervals]
  return [...intervals.slice(0, -1), { start: last.start, end: Math.max(now, last.start) }]
}

/** Opens (or resumes) a wave at `now`: a new interval begins. A wave already open is returned as it is. */
export function resumeIntervals(intervals: readonly OpenInterval[], now: Instant): OpenInterval[] {
  const last = intervals.at(-1)
  if (last && last.end === null) return [...intervals]
  return [...intervals, { start: now, end: null }]
}
