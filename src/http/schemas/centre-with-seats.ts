import { Type } from 'typebox'
import type { CentreWithSeats } from '../../app/catalogue/find-centres-with-seats.js'
import { CentreOut, toCentreOut } from './centre.js'
import { SeatOut, toSeatOut } from './seat.js'

export const CentreWithSeatsOut = Type.Object({
  ...CentreOut.properties,
  providerName: Type.String(),
  distanceKm: Type.Number({ description: 'From `near`, to 0.1 km' }),
  openSlots: Type.Integer({ description: 'Slots with a free seat in the range' }),
  seatsLeft: Type.Integer({ description: 'Free seats in those slots' }),
  nextSlots: Type.Array(SeatOut, {
    description:
      'The earliest open slots (`slotsPerCentre` of them at most), as `GET /v1/slots` shows them: book one by its `id`',
  }),
})

export function toCentreWithSeatsOut(found: CentreWithSeats) {
  return {
    ...toCentreOut(found.centre),
    providerName: found.provider.name,
    distanceKm: Math.round(found.distanceKm * 10) / 10,
    openSlots: found.openSlots,
    seatsLeft: found.seatsLeft,
    nextSlots: found.nextSlots.map((seat) => toSeatOut(seat, seat.distanceKm)),
  }
}
