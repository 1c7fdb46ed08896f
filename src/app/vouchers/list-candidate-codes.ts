import type { Kysely } from 'kysely'
import type { Paging } from '../../db/engine/paging.js'
import type { DB } from '../../db/engine/schema.js'
import { findOfferVersion } from '../../db/vouchers/offers.js'
import { listVoucherUses, pageVouchersOfCandidate } from '../../db/vouchers/vouchers.js'
import type { Candidate } from '../../domain/candidate.js'
import { type CodeStanding, decideCodeStanding } from '../../domain/code-standing.js'
import type { Voucher } from '../../domain/voucher.js'
import { getCandidate } from '../candidates/get-candidate.js'
import type { Clock } from '../clock.js'
import type { Page } from '../page.js'

/** A code the candidate holds, every use it made, and what it can still do. */
export interface HeldCode {
  readonly voucher: Voucher
  readonly standing: CodeStanding
}

/**
 * The codes issued to a candidate, newest first, a page at a time, each with
 * what it can still do now in the candidate's zone: the portal's "my codes".
 * Every use is read (a candidate's own code has a handful), so the list also
 * says which registrations took it.
 */
export async function listCandidateCodes(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  candidateId: string,
  paging: Paging,
): Promise<{ readonly candidate: Candidate; readonly page: Page<HeldCode> }> {
  const now = deps.clock.now()
  const candidate = await getCandidate(deps, candidateId, 'id')
  const { records, total } = await pageVouchersOfCandidate(deps.db, candidate.id, paging)
  const items = await Promise.all(
    records.map(async (record): Promise<HeldCode> => {
      const [offer, uses] = await Promise.all([
        findOfferVersion(deps.db, record.offerId, record.offerVersion),
        listVoucherUses(deps.db, record.code),
      ])
      if (!offer) throw new Error(`Voucher ${record.code} names a missing offer version`)
      const voucher: Voucher = {
        code: record.code,
        candidateId: record.candidateId,
        offer,
        issuedAt: record.issuedAt,
        expiresAt: record.expiresAt,
        voidedAt: record.voidedAt ?? null,
        uses,
        usesTaken: record.usesTaken ?? 0,
      }
      return { voucher, standing: decideCodeStanding(voucher, now, candidate.timeZone) }
    }),
  )
  return { candidate, page: { items, total } }
}
