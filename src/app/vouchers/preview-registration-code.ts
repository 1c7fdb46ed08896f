import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import type { CodeCaller } from '../../domain/code-throttle-scopes.js'
import type { Principal } from '../../domain/principal.js'
import { getCandidate } from '../candidates/get-candidate.js'
import { catalogueIn } from '../catalogue/catalogue-cache.js'
import type { Clock } from '../clock.js'
import { findRegistrationFor } from '../registrations/require-live-booking.js'
import { countingWrongCodes } from './code-throttle.js'
import { decideRegistrationCodes } from './decide-registration-codes.js'
import { decideForPreview, toVoucherPreview, type VoucherPreview } from './preview-voucher.js'

export interface RegistrationCodePreviewInput {
  readonly registrationId: string
  readonly code: string
  /** Other codes the candidate means to apply with this one. */
  readonly withCodes?: readonly string[]
}

/**
 * Says, before anything is spent, what a code would do applied to a
 * registration that waits for payment: the same judgement applying it runs
 * (`decideRegistrationCodes`), in a transaction that writes nothing, with
 * the price the registration would then have.
 */
export async function previewRegistrationCode(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: RegistrationCodePreviewInput,
  caller: CodeCaller,
  viewer: Principal,
): Promise<VoucherPreview> {
  const now = deps.clock.now()
  const registration = await findRegistrationFor(deps.db, input.registrationId, viewer)
  // Wrong codes count against the candidate the registration is for.
  const guesser = { candidateId: registration.candidateId, caller }
  return countingWrongCodes(deps.db, guesser, now, () =>
    deps.db.transaction().execute(async (trx) => {
      const verdict = await decideForPreview(async () => {
        const judged = await decideRegistrationCodes(trx, catalogueIn(deps, trx), {
          registrationId: registration.id,
          codes: [input.code, ...(input.withCodes ?? [])],
          caller,
          viewer,
          now,
        })
        return judged.judgement
      })
      // The candidate's zone, read again when a refusal left no judgement to carry it.
      const { timeZone } = await getCandidate({ db: trx }, registration.candidateId)
      return toVoucherPreview(trx, input.code, verdict, timeZone)
    }),
  )
}
