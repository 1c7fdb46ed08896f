import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import { findOfferVersion } from '../../db/vouchers/offers.js'
import { findVoucher, listUsesOfRegistration } from '../../db/vouchers/vouchers.js'
import { codeSentenceFacts } from '../../domain/code-sentences.js'
import { decideMovedUse } from '../../domain/decide-voucher.js'
import type { Instant } from '../../domain/instant.js'
import { formatVoucherCode } from '../../domain/voucher-code.js'
import { AppError } from '../errors.js'

/** Refuses a reschedule that would take a registration's codes where their offers do not go. */
export async function requireCodesStillApply(
  trx: Kysely<DB>,
  registrationId: string,
  provider: string,
  startsAt: Instant,
  timeZone: string,
): Promise<void> {
  for (const use of await listUsesOfRegistration(trx, registrationId)) {
    // A code given up was not used by this registration: where it goes is not this code's business.
    if (use.kind === 'forfeited') continue
    const voucher = await findVoucher(trx, use.code)
    const offer = voucher && (await findOfferVersion(trx, voucher.offerId, voucher.offerVersion))
    if (!voucher || !offer) continue
    const refusal = decideMovedUse(
      { offer, expiresAt: voucher.expiresAt },
      provider,
      startsAt,
      timeZone,
    )
    if (refusal) {
      throw new AppError(refusal.code, {
        field: 'slotId',
        reason: refusal.reason,
        sentence: codeSentenceFacts(refusal.sentence),
        voucherCode: formatVoucherCode(voucher.code),
      })
    }
  }
}
