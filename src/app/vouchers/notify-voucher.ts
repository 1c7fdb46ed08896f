import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { findProvider } from '../../db/catalogue/providers.js'
import type { DB } from '../../db/engine/schema.js'
import { enqueueMail } from '../../db/mail/outbox.js'
import type { Instant } from '../../domain/instant.js'
import type { OfferVersion } from '../../domain/offer.js'
import {
  composeVoucherMail,
  computeVoucherDedupeKey,
  type MailedVoucher,
  type VoucherMailCandidate,
} from '../../mail/compose-voucher-mail.js'
import type { MailSettings } from '../../mail/mail-settings.js'

/**
 * Puts the voucher mail in the outbox inside the caller's transaction, one
 * per code (`voucher-issued:<fingerprint>`, see `computeVoucherDedupeKey`); says
 * whether it was added.
 *
 * @example
 * await enqueueVoucherMail(trx, deps.mail, { voucher, offer, candidate, now })
 */
export async function enqueueVoucherMail(
  trx: Kysely<DB>,
  mailSettings: MailSettings,
  input: {
    readonly voucher: MailedVoucher
    readonly offer: OfferVersion
    readonly candidate: VoucherMailCandidate
    readonly now: Instant
  },
): Promise<boolean> {
  const providerNames = new Map<string, string>()
  for (const id of input.offer.providers) {
    const provider = await findProvider(trx, id)
    if (provider) providerNames.set(id, provider.name)
  }
  const composed = composeVoucherMail({
    voucher: input.voucher,
    offer: input.offer,
    candidate: input.candidate,
    providerNames,
    help: mailSettings.help,
    bookingPlace: mailSettings.bookingPlace,
    helpContact: mailSettings.helpContact,
    publicUrl: mailSettings.publicUrl(),
  })
  return enqueueMail(trx, {
    id: uuidv7(),
    dedupeKey: computeVoucherDedupeKey(input.voucher.code),
    kind: 'voucher-issued',
    candidateId: input.candidate.id,
    recipient: input.candidate.email,
    ...composed,
    createdAt: input.now,
  })
}
