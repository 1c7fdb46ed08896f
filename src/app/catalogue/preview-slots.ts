import type { Kysely } from 'kysely'
import { listSlotStartsAt } from '../../db/catalogue/slots.js'
import type { DB } from '../../db/engine/schema.js'
import type { Instant } from '../../domain/instant.js'
import type { TestCentre } from '../../domain/test-centre.js'
import type { Clock } from '../clock.js'
import type { GenerateSlotsInput } from './generate-slots.js'
import { planSlotSchedule } from './generate-slots.js'
import { getCentre } from './get-centre.js'

/** Most starts a preview lists one by one; its counts cover every start. */
export const MAX_PREVIEW_STARTS = 500

/** One start a schedule gives, and whether the centre already has a slot then. */
export interface PreviewStart {
  readonly startsAt: Instant
  readonly exists: boolean
}

export interface SlotsPreview {
  readonly centre: TestCentre
  /** Starts the schedule gives from now on. */
  readonly requested: number
  /** Of them, those a generation would store now. */
  readonly toCreate: number
  /** Of them, those the centre already has a slot at (a generation leaves them as they are). */
  readonly existing: number
  readonly capacity: number
  readonly first: Instant | null
  readonly last: Instant | null
  /** The first `MAX_PREVIEW_STARTS` starts, earliest first. */
  readonly starts: readonly PreviewStart[]
}

/**
 * What `generateSlots` would do with the same schedule now, without doing
 * it: every start it would give and which of them the centre already has.
 * Refuses what a generation would refuse, with the same codes.
 */
export async function previewSlots(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: GenerateSlotsInput,
): Promise<SlotsPreview> {
  const now = deps.clock.now()
  const centre = await getCentre(deps, input.centreId, 'centre')
  const { starts, capacity } = planSlotSchedule(centre, input, now)
  const first = starts[0] ?? null
  const last = starts.at(-1) ?? null
  const had =
    first === null || last === null
      ? new Set<Instant>()
      : new Set(await listSlotStartsAt(deps.db, { centreId: centre.id, from: first, to: last }))
  const existing = starts.filter((at) => had.has(at)).length
  return {
    centre,
    requested: starts.length,
    toCreate: starts.length - existing,
    existing,
    capacity,
    first,
    last,
    starts: starts
      .slice(0, MAX_PREVIEW_STARTS)
      .map((startsAt) => ({ startsAt, exists: had.has(startsAt) })),
  }
}
