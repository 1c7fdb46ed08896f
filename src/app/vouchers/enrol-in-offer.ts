import type { Kysely } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import { listOfferVersions } from '../../db/vouchers/offers.js'
import {
  insertVoucher,
  listVouchersOfCandidate,
  listVoucherUses,
  type VoucherRecord,
} from '../../db/vouchers/vouchers.js'
import { formatInZone, type Instant } from '../../domain/instant.js'
import { findOfferInForce, type OfferVersion } from '../../domain/offer.js'
import { formatVoucherCode } from '../../domain/voucher-code.js'
import { requireCandidateAccess } from '../access/require-access.js'
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
 * limits it, so that nothing is discovered at the last step. Staff enrolling
 * a candidate again give another code (one per exam, as the offer allows); a
 * candidate enrols themself again once the code they hold has been used or
 * has lapsed, so that a second click does not leave two codes for one exam.
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
      requireCandidateAccess(actor.principal, candidateId)
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
      if (
        actor.principal.role === 'candidate' &&
        (await holdsUnusedCode(trx, candidateId, offer, now))
      )
        throw new AppError('OFFER_ALREADY_ENROLLED', {
          field: 'id',
          offerId,
          offerName: offer.name,
        })
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

/** Whether the candidate holds a code of the offer that nothing has used yet and that can still be used. */
async function holdsUnusedCode(
  db: Kysely<DB>,
  candidateId: string,
  offer: OfferVersion,
  now: Instant,
): Promise<boolean> {
  const held = (await listVouchersOfCandidate(db, candidateId)).filter(
    (code) =>
      code.offerId === offer.offerId &&
      !code.voidedAt &&
      (code.expiresAt === null || code.expiresAt > now),
  )
  for (const code of held) if ((await listVoucherUses(db, code.code)).length === 0) return true
  return false
}
