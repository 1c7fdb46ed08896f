import type { Kysely } from 'kysely'
import {
  findBetaRegistration,
  forgetBetaRegistration,
  releaseBetaSeat,
} from '../../db/beta/beta-programmes.js'
import { releaseSeat } from '../../db/catalogue/seats.js'
import type { DB } from '../../db/engine/schema.js'
import { releaseWaiver } from '../../db/retakes/waivers.js'
import type { Instant } from '../../domain/instant.js'
import type { Registration } from '../../domain/registration.js'
import { givesBetaRegistrationBack, isUnpaidHold } from '../../domain/unpaid-hold.js'
import type { Actor } from '../actor.js'
import { returnCodes } from './return-codes.js'

export interface GivenBack {
  /** The codes whose use came back, as the candidate reads them. */
  readonly codesReturned: string[]
  /** The codes whose use was not given back, and why. */
  readonly codesKept: { readonly code: string; readonly why: string }[]
  /** Whether the beta programme got a seat back. */
  readonly betaSeatReturned: boolean
}

/**
 * Gives back what a registration that ends before it was sat held, inside
 * the caller's transaction: the slot's seat, its codes' uses (all of them
 * when it was an unpaid hold, which redeemed nothing; else as the offer
 * says of cancellations), the beta programme's seat and, for an unpaid
 * hold, the candidate's one beta registration, and an approved exception.
 * `registration` is as it was before it ended. The shared counters go back
 * in the order a booking takes them (slot, code, beta seat), so that the
 * two never wait for each other's rows in opposite order.
 */
export async function giveBackHeld(
  trx: Kysely<DB>,
  registration: Registration,
  slotId: string,
  actor: Actor,
  now: Instant,
): Promise<GivenBack> {
  await releaseSeat(trx, slotId)
  const codes = await returnCodes(
    trx,
    registration,
    actor,
    now,
    isUnpaidHold(registration) ? 'hold-ended' : 'cancelled',
  )
  // Only a booking the programme counted holds one of its seats (one made before the programme
  // existed took none).
  const betaHolder = await findBetaRegistration(trx, registration.exam, registration.candidateId)
  const betaSeatReturned = betaHolder === registration.id
  if (betaSeatReturned) {
    await releaseBetaSeat(trx, registration.exam)
    // A paid registration spends the candidate's one beta registration for good; a hold does not.
    if (givesBetaRegistrationBack(registration))
      await forgetBetaRegistration(
        trx,
        registration.exam,
        registration.candidateId,
        registration.id,
      )
  }
  if (registration.waiverId !== null)
    await releaseWaiver(trx, registration.waiverId, registration.id)
  return { codesReturned: codes.returned, codesKept: codes.kept, betaSeatReturned }
}
