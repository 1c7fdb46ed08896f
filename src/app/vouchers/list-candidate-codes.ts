import type { Kysely } from 'kysely'
import { findExamPricing } from '../../db/catalogue/exam-prices.js'
import type { Paging } from '../../db/engine/paging.js'
import type { DB } from '../../db/engine/schema.js'
import { findOfferVersions, offerVersionKey } from '../../db/vouchers/offers.js'
import {
  listUsesOfVouchers,
  pageVouchersOfCandidate,
  type ReturnedVoucherUse,
} from '../../db/vouchers/vouchers.js'
import type { Candidate } from '../../domain/candidate.js'
import { type CodeStanding, decideCodeStanding } from '../../domain/code-standing.js'
import { coversExam, type PricedExam } from '../../domain/offer.js'
import type { Voucher } from '../../domain/voucher.js'
import { getCandidate } from '../candidates/get-candidate.js'
import { catalogueOf } from '../catalogue/catalogue-cache.js'
import { getCatalogueExam } from '../catalogue/get-exam.js'
import type { Clock } from '../clock.js'
import type { Page } from '../page.js'

/** A code the candidate holds, every use it made, and what it can still do. */
export interface HeldCode {
  readonly voucher: Voucher
  readonly standing: CodeStanding
  /** Uses a cancellation gave back, oldest first: they no longer count. */
  readonly returned: readonly ReturnedVoucherUse[]
  /** Whether the code's offer covers the exam asked about; null when none was. */
  readonly coversExam: boolean | null
}

/**
 * The codes issued to a candidate, newest first, a page at a time, each with
 * what it can still do now in the candidate's zone: the portal's "my codes";
 * asked with an exam, each also says whether its offer covers that exam.
 * Every use is read, those given back too, so the list also says which
 * registrations took it and which cancellations returned it.
 */
export async function listCandidateCodes(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  candidateId: string,
  paging: Paging,
  /** An exam, either spelling: each code then says whether its offer covers it. */
  examText?: string,
): Promise<{ readonly candidate: Candidate; readonly page: Page<HeldCode> }> {
  const now = deps.clock.now()
  const [candidate, exam] = await Promise.all([
    getCandidate(deps, candidateId, 'id'),
    examText === undefined ? null : pricedExam(deps, examText),
  ])
  const { records, total } = await pageVouchersOfCandidate(deps.db, candidate.id, paging)
  // Every offer and every use of the page's codes in one statement each, however many codes.
  const [offers, uses] = await Promise.all([
    findOfferVersions(
      deps.db,
      records.map((record) => [record.offerId, record.offerVersion] as const),
    ),
    listUsesOfVouchers(
      deps.db,
      records.map((record) => record.code),
    ),
  ])
  const items = records.map((record): HeldCode => {
    const offer = offers.get(offerVersionKey(record.offerId, record.offerVersion))
    if (!offer) throw new Error(`Voucher ${record.code} names a missing offer version`)
    const used = uses.get(record.code)
    const voucher: Voucher = {
      code: record.code,
      candidateId: record.candidateId,
      offer,
      issuedAt: record.issuedAt,
      expiresAt: record.expiresAt,
      voidedAt: record.voidedAt ?? null,
      uses: used?.live ?? [],
      usesTaken: record.usesTaken ?? 0,
    }
    return {
      voucher,
      standing: decideCodeStanding(voucher, now, candidate.timeZone),
      returned: used?.returned ?? [],
      coversExam: exam === null ? null : coversExam(offer.exams, exam),
    }
  })
  return { candidate, page: { items, total } }
}

/** The exam as an offer's scope judges it: its family and price class. */
export async function pricedExam(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  examText: string,
): Promise<PricedExam> {
  const exam = await getCatalogueExam(catalogueOf(deps), examText)
  const pricing = await findExamPricing(deps.db, exam.number)
  return {
    number: exam.number,
    title: exam.title,
    family: exam.family,
    priceClass: pricing?.priceClass ?? 'regular',
  }
}
