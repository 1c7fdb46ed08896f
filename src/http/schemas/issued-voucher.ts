import { Type } from 'typebox'
import type { RewardVoucher } from '../../app/beta/issue-reward-vouchers.js'
import { codeAsShownTo } from '../../domain/code-visibility.js'
import type { Principal } from '../../domain/principal.js'
import { formatVoucherCode } from '../../domain/voucher-code.js'
import { LocalTimeText, toInstantOut, toLocalOut } from './instant.js'
import { Nullable } from './nullable.js'

/** A beta participant's reward code as staff see it when issuing or re-sending it. */
export const RewardVoucherOut = Type.Object({
  code: Type.String({
    description:
      'Grouped for reading; the candidate gives it as voucherCode when registering. Whole for the candidate, support and admin; masked to its last four characters for anyone else',
    examples: ['N95RXK-VNF7BN-8VUGYP'],
  }),
  exam: Type.String({ description: 'The beta exam the code rewards', examples: ['071-621'] }),
  offerId: Type.String({ examples: ['beta-reward'] }),
  offerVersion: Type.Integer(),
  issuedAt: Type.String(),
  expiresAt: Nullable(Type.String({ description: 'Every use must take place before this' })),
  expiresAtLocal: Nullable(LocalTimeText),
  new: Type.Boolean({ description: 'Issued (and mailed) by this request' }),
})

export const RewardVouchersOut = Type.Object({
  candidateId: Type.String(),
  issued: Type.Integer({ description: 'How many codes this request issued' }),
  items: Type.Array(RewardVoucherOut, {
    description: 'Every reward code of the candidate, one per beta exam taken, oldest first',
  }),
})

export function toRewardVoucherOut(reward: RewardVoucher, timeZone: string, reader: Principal) {
  const { voucher } = reward
  return {
    code: codeAsShownTo(reader, voucher.candidateId, formatVoucherCode(voucher.code)),
    exam: reward.exam,
    offerId: voucher.offerId,
    offerVersion: voucher.offerVersion,
    issuedAt: toInstantOut(voucher.issuedAt),
    expiresAt: voucher.expiresAt === null ? null : toInstantOut(voucher.expiresAt),
    expiresAtLocal: voucher.expiresAt === null ? null : toLocalOut(voucher.expiresAt, timeZone),
    new: reward.issuedNow,
  }
}
