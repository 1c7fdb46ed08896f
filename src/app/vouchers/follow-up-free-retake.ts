import type { Transaction } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import { findOfferVersion } from '../../db/vouchers/offers.js'
import { findVoucher, listUsesOfRegistration } from '../../db/vouchers/vouchers.js'
import type { Candidate } from '../../domain/candidate.js'
import type { Instant } from '../../domain/instant.js'
import type { MailSettings } from '../../mail/mail-settings.js'
import type { RegistrationView } from '../registrations/registration-view.js'
import { enqueueFreeRetakeFollowUpMail } from './notify-free-retake-follow-up.js'

/**
 * When a confirmed registration books the first attempt with a free-retake
 * code, mails the candidate how to have the offer on more exams: once per
 * candidate and offer (the dedupe key), so it follows their first such
 * registration only.
 */
export async function followUpFreeRetake(
  trx: Transaction<DB>,
  mail: MailSettings,
  view: RegistrationView,
  candidate: Candidate,
  now: Instant,
): Promise<void> {
  // A first attempt with a free-retake code takes nothing off the price: a
  // booking without such a line (most, and every wave's free seat) asks nothing more.
  if (!view.price?.lines.some((line) => line.cents === 0)) return
  for (const use of await listUsesOfRegistration(trx, view.id)) {
    if (use.kind !== 'first-attempt') continue
    const voucher = await findVoucher(trx, use.code)
    const offer = voucher && (await findOfferVersion(trx, voucher.offerId, voucher.offerVersion))
    if (!voucher || !offer || offer.benefit.kind !== 'free-retake') continue
    await enqueueFreeRetakeFollowUpMail(trx, mail, {
      candidate,
      registrationId: view.id,
      exam: view.exam,
      code: voucher.code,
      codeExpiresAt: voucher.expiresAt,
      offer,
      now,
    })
  }
}
