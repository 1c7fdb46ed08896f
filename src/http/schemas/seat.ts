import { Type } from 'typebox'
import type { Seat } from '../../app/catalogue/find-seats.js'
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
  changeDeadlines: Type.Object(
    {
      reschedule: Type.String(),
      rescheduleLocal: LocalTimeText,
      cancel: Type.String(),
      cancelLocal: LocalTimeText,
    },
    {
      description:
        "Until when a booking of this seat could be rescheduled and cancelled, under the provider's rules",
    },
  ),
  deadlinesPassed: Type.Array(Type.Enum(['reschedule', 'cancel']), {
    description:
      'The changes a booking made now could no longer make; when not empty, booking it needs `acknowledgeDeadlines: true`',
  }),
})

/** A slot as a seat offer; `distanceKm` only when the question named a place. */
export function toSeatOut(
  seat: Omit<Seat, 'seatsLeft' | 'distanceKm'>,
  distanceKm: number | null = null,
) {
  const { slot, centre, changeDeadlines } = seat
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
    changeDeadlines: {
      reschedule: toInstantOut(changeDeadlines.reschedule),
      rescheduleLocal: toLocalOut(changeDeadlines.reschedule, centre.timeZone),
      cancel: toInstantOut(changeDeadlines.cancel),
      cancelLocal: toLocalOut(changeDeadlines.cancel, centre.timeZone),
    },
    deadlinesPassed: [...seat.deadlinesPassed],
  }
}
