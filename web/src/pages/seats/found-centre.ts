import type { paths } from '../../api/schema'

type Answer =
  paths['/v1/exams/{number}/centres']['get']['responses'][200]['content']['application/json']

/** A centre with a free seat, as the search by centre answers it. */
export type FoundCentre = Answer['items'][number]

/** One of its next free times. */
export type FreeTime = FoundCentre['nextSlots'][number]
