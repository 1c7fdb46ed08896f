import { randomBytes } from 'node:crypto'
import type { VoucherRecord } from '../../db/vouchers/vouchers.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import { type OfferVersion, voucherExpiry } from '../../domain/offer.js'
import { voucherCodeFromBytes } from '../../domain/voucher-code.js'

/** Where a new code comes from, besides its offer. */
export interface VoucherOrigin {
  readonly candidateId: string | null
  readonly issuedBy: string
  readonly batchId?: string
  readonly batchPosition?: number
  readonly rewardForExam?: ExamNumber
}

/** A fresh code under `offer`, from 16 bytes of the system's cryptographic randomness. */
export function newVoucher(
  offer: OfferVersion,
  origin: VoucherOrigin,
  now: Instant,
): VoucherRecord {
  return {
    code: voucherCodeFromBytes(randomBytes(16)),
    offerId: offer.offerId,
    offerVersion: offer.version,
    candidateId: origin.candidateId,
    issuedAt: now,
    expiresAt: voucherExpiry(offer, now),
    issuedBy: origin.issuedBy,
    batchId: origin.batchId ?? null,
    batchPosition: origin.batchPosition ?? null,
    rewardForExam: origin.rewardForExam ?? null,
    version: 1,
  }
}
