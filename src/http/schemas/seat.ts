import { Type } from 'typebox'
import type { Slot, TestCentre } from '../../domain/test-centre.js'
import { LocalTimeText, toInstantOut, toLocalOut } from './instant.js'

export const SeatOut = Type.Object({
  id: Type.String({ description: 'The slot: book it by this id' }),
  provider: Type.String(),
  centre: Type.Object({
    id: Type.String(),
    name: Type.String(),
    city: Type.String(),
    country: Type.String(),
  }),
  startsAt: Type.String(),
  localStart: LocalTimeText,
  timeZone: Type.String({ description: "The centre's zone" }),
  capacity: Type.Integer(),
  seatsLeft: Type.Integer(),
  distanceKm: Type.Optional(
    Type.Number({ description: 'From `near`, to 0.1 km; present when `near` was given' }),
  ),
})

/** A slot as a seat offer; `distanceKm` only when the question named a place. */
export function toSeatOut(slot: Slot, centre: TestCentre, distanceKm: number | null = null) {
  return {
    id: slot.id,
    provider: centre.providerId,
    centre: { id: centre.id, name: centre.name, city: centre.city, country: centre.country },
    startsAt: toInstantOut(slot.startsAt),
    localStart: toLocalOut(slot.startsAt, centre.timeZone),
    timeZone: centre.timeZone,
    capacity: slot.capacity,
    seatsLeft: slot.capacity - slot.booked,
    ...(distanceKm === null ? {} : { distanceKm: Math.round(distanceKm * 10) / 10 }),
  }
}
