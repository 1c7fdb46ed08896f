import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import { findOfferVersion } from '../../db/vouchers/offers.js'
import {
  claimVoucher,
  findVoucher,
  listUsesOfRegistration,
  returnCountedUse,
  returnVoucherUse,
} from '../../db/vouchers/vouchers.js'
import type { Instant } from '../../domain/instant.js'
import { returnsOnCancel } from '../../domain/offer.js'
import type { Registration } from '../../domain/registration.js'
import { returnsOnHoldEnd } from '../../domain/unpaid-hold.js'
import { isCountedUse } from '../../domain/voucher.js'
import { formatVoucherCode } from '../../domain/voucher-code.js'
import type { Actor } from '../actor.js'
import { auditAction } from '../audit-action.js'

/** The codes of an ended registration, grouped for reading: given back, or kept and why. */
export interface CodesAfterEnd {
  readonly returned: string[]
  readonly kept: { readonly code: string; readonly why: string }[]
}

/**
 * Gives back what a cancelled registration took from its codes, where the
 * offer says a cancellation does (or, for a hold that ended unpaid, always)
 * and the code has not expired; each return is in the audit log. Returns
 * the codes given back and those kept.
 */
export async function returnCodes(
  trx: Kysely<DB>,
  registration: Registration,
  actor: Actor,
  now: Instant,
  ended: 'cancelled' | 'hold-ended' = 'cancelled',
): Promise<CodesAfterEnd> {
  const returned: string[] = []
  const keptCodes: { code: string; why: string }[] = []
  for (const use of await listUsesOfRegistration(trx, registration.id)) {
    const voucher = await findVoucher(trx, use.code)
    const offer = voucher && (await findOfferVersion(trx, voucher.offerId, voucher.offerVersion))
    if (!voucher || !offer) continue
    const expired = voucher.expiresAt !== null && now >= voucher.expiresAt
    const kept =
      ended === 'hold-ended'
        ? !returnsOnHoldEnd(voucher.expiresAt, now)
        : !returnsOnCancel(offer, voucher.expiresAt, now)
    if (!kept) {
      await returnVoucherUse(trx, use.id, now)
      if (isCountedUse(use.kind, offer)) await returnCountedUse(trx, voucher.code)
      // Moves the code on, so that a registration judging it at this moment judges again.
      else await claimVoucher(trx, voucher.code, voucher.version)
      returned.push(formatVoucherCode(voucher.code))
    }
    const why = kept
      ? expired
        ? 'The code has expired.'
        : `${offer.name} does not give a use back on cancellation.`
      : ended === 'hold-ended'
        ? 'The seat was released before it was paid.'
        : 'Cancelled within the provider’s window.'
    // A forfeited free retake was given up on purpose; nothing to tell about it.
    if (kept && use.kind !== 'forfeited')
      keptCodes.push({ code: formatVoucherCode(voucher.code), why })
    await auditAction(trx, actor, now, {
      candidateId: registration.candidateId,
      subjectType: 'registration',
      subjectId: registration.id,
      action: kept ? 'voucher-kept' : 'voucher-returned',
      detail: {
        code: formatVoucherCode(voucher.code),
        use: use.kind,
        offer: { id: offer.offerId, version: offer.version },
        why,
      },
    })
  }
  return { returned, kept: keptCodes }
}
