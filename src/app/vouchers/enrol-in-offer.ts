import { listOfferVersions } from '../../db/vouchers/offers.js'
import { insertVoucher, type VoucherRecord } from '../../db/vouchers/vouchers.js'
import { formatInZone } from '../../domain/instant.js'
import { findOfferInForce, type OfferVersion } from '../../domain/offer.js'
import { formatVoucherCode } from '../../domain/voucher-code.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { getCandidate } from '../candidates/get-candidate.js'
import { AppError } from '../errors.js'
import { hashRequest, type IdempotencyKey, type Idempotent } from '../idempotent.js'
import { runCommand } from '../run-command.js'
import { newVoucher } from './new-voucher.js'
import { enqueueVoucherMail } from './notify-voucher.js'

/** A code handed to a candidate, with the terms it carries. */
export interface Enrolment {
  readonly voucher: VoucherRecord
  readonly offer: OfferVersion
}

/**
 * Enrols a candidate in an offer while its enrolment is open: a new code
 * under the version in force, mailed to the candidate with every term that
 * limits it, so that nothing is discovered at the last step. Enrolling
 * again gives another code (one per exam, as the offer allows).
 */
export async function enrolInOffer(
  deps: AppDeps,
  offerId: string,
  candidateId: string,
  actor: Actor,
  idempotency: IdempotencyKey | null,
): Promise<Idempotent<Enrolment>> {
  const now = deps.clock.now()
  return runCommand(
    deps,
    {
      idempotency: {
        key: idempotency,
        requestHash: hashRequest('enrol', { offerId, candidateId }),
      },
    },
    async (trx) => {
      const candidate = await getCandidate({ db: trx }, candidateId)
      const versions = await listOfferVersions(trx, offerId)
      if (versions.length === 0) throw new AppError('OFFER_NOT_FOUND', { field: 'id', offerId })
      const offer = findOfferInForce(versions, offerId, now)
      const window = offer?.enrolment ?? null
      if (!offer || !window || now < window.opensAt || now >= window.closesAt) {
        const at = (instant: number) => formatInZone(instant, candidate.timeZone)
        throw new AppError('OFFER_CLOSED', {
          field: 'id',
          offerId,
          reason: !offer
            ? `${offerId} is not in force yet.`
            : !window
              ? `${offer.name} takes no enrolments: its codes are handed out by the programme.`
              : now < window.opensAt
                ? `Enrolment in ${offer.name} opens at ${at(window.opensAt)}.`
                : `Enrolment in ${offer.name} closed at ${at(window.closesAt)}.`,
        })
      }
      const voucher = newVoucher(offer, { candidateId, issuedBy: actor.principalId }, now)
      await insertVoucher(trx, voucher)
      await auditAction(trx, actor, now, {
        candidateId,
        subjectType: 'voucher',
        subjectId: voucher.code,
        action: 'enrolled',
        detail: {
          offer: { id: offer.offerId, version: offer.version },
          code: formatVoucherCode(voucher.code),
        },
      })
      await enqueueVoucherMail(trx, deps.mail, { voucher, offer, candidate, now })
      return { voucher, offer }
    },
  )
}
