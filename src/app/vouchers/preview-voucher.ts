import type { Kysely } from 'kysely'
import { findExamPricing } from '../../db/catalogue/exam-prices.js'
import type { DB } from '../../db/engine/schema.js'
import { findOfferVersion } from '../../db/vouchers/offers.js'
import { findVoucher } from '../../db/vouchers/vouchers.js'
import { type CodeSentenceFacts, codeSentenceFacts } from '../../domain/code-sentences.js'
import type { CodeCaller } from '../../domain/code-throttle-scopes.js'
import { decideRetake } from '../../domain/decide-retake.js'
import { VOUCHER_REFUSALS } from '../../domain/decide-voucher.js'
import type { Instant } from '../../domain/instant.js'
import { describeScope, type OfferVersion, type PaymentMethod } from '../../domain/offer.js'
import type { PriceBreakdown } from '../../domain/price.js'
import type { Principal } from '../../domain/principal.js'
import { retakeReason } from '../../domain/retake-reasons.js'
import { formatVoucherCode, parseVoucherCode } from '../../domain/voucher-code.js'
import { requireCandidateAccess } from '../access/require-access.js'
import { readBetaAccess } from '../beta/beta-access.js'
import { getCandidate } from '../candidates/get-candidate.js'
import { catalogueIn } from '../catalogue/catalogue-cache.js'
import { getCatalogueExam } from '../catalogue/get-exam.js'
import { requireBookableSlot } from '../catalogue/require-bookable-slot.js'
import type { Clock } from '../clock.js'
import { AppError, type ErrorCode } from '../errors.js'
import { loadRetakeFacts } from '../retakes/load-retake-facts.js'
import { countingWrongCodes } from './code-throttle.js'
import { type CodeJudgement, decideCodes } from './decide-codes.js'

export interface PreviewInput {
  readonly code: string
  readonly candidateId: string
  readonly exam: string
  readonly slotId: string
  readonly paymentMethod?: PaymentMethod
  /** Other codes the candidate means to give with this one. */
  readonly withCodes?: readonly string[]
  readonly currency?: string
}

/** What a code would do on a registration made now, and what it would cost. */
export interface VoucherPreview {
  readonly code: string
  readonly offer: OfferVersion
  readonly covers: string
  readonly expiresAt: Instant | null
  readonly accepted: boolean
  /** Why the registration would be refused: the code's rule, or the retake policy's. */
  readonly refusal: {
    readonly code: ErrorCode | string
    readonly reason: string
    /** A code's refusal as a stable code and its facts; null for the retake policy's. */
    readonly sentence: CodeSentenceFacts | null
  } | null
  readonly does: string | null
  readonly keeps: readonly string[]
  /** What registering this way would give up; the registration must acknowledge it. */
  readonly loses: readonly string[]
  readonly price: PriceBreakdown | null
  /** What the code does, keeps and gives up, as stable codes and their facts. */
  readonly sentences: {
    readonly does: CodeSentenceFacts | null
    readonly keeps: readonly CodeSentenceFacts[]
    readonly loses: readonly CodeSentenceFacts[]
  }
  /** The candidate's zone, on whose clock the sentences say their instants. */
  readonly timeZone: string
}

/** Refusals that belong to the answer rather than being errors of the request. */
const VERDICTS = new Set<string>([...VOUCHER_REFUSALS, 'CURRENCY_NOT_PRICED'])

/**
 * Says, before anything is spent, what a code would do on the registration
 * the candidate is about to make: the same judgement the registration runs,
 * in a transaction that writes nothing.
 */
export async function previewVoucher(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: PreviewInput,
  caller: CodeCaller,
  viewer: Principal,
): Promise<VoucherPreview> {
  const now = deps.clock.now()
  // Before a wrong code is counted against a candidate the caller may not reach.
  requireCandidateAccess(viewer, input.candidateId)
  const guesser = { candidateId: input.candidateId, caller }
  return countingWrongCodes(deps.db, guesser, now, () =>
    deps.db.transaction().execute(async (trx) => {
      const candidate = await getCandidate({ db: trx }, input.candidateId)
      const catalogue = catalogueIn(deps, trx)
      const exam = await getCatalogueExam(catalogue, input.exam)
      const appointment = await requireBookableSlot(trx, input.slotId, exam, now, viewer)
      const retake = await loadRetakeFacts(trx, catalogue, candidate, exam)
      const question = {
        candidate,
        exam,
        pricing: await findExamPricing(trx, exam.number),
        appointment,
        codes: [input.code, ...(input.withCodes ?? [])],
        paymentMethod: input.paymentMethod ?? null,
        currency: input.currency ?? null,
        retake,
        caller,
        now,
      }
      const verdict = await decideForPreview(() => decideCodes(trx, question))
      let refusal = verdict.refusal
      const decision = decideRetake(retake.policies, retake.facts, exam, appointment.slot.startsAt)
      const beta = await readBetaAccess(trx, candidate, exam)
      if (beta && !beta.access.allowed && refusal === null) {
        refusal = { code: beta.access.code, reason: beta.access.reason, sentence: null }
      }
      if (!decision.eligible && refusal === null) {
        refusal = { code: decision.code, reason: retakeReason(decision), sentence: null }
      }
      return toVoucherPreview(
        trx,
        input.code,
        { judged: verdict.judged, refusal },
        candidate.timeZone,
      )
    }),
  )
}

/** A judgement of codes, or the refusal that belongs to a preview's answer. */
export interface PreviewVerdict {
  readonly judged: CodeJudgement | null
  readonly refusal: VoucherPreview['refusal']
}

/** Runs a judgement, keeping a code's refusal (not an error of the request) as the answer. */
export async function decideForPreview(
  decide: () => Promise<CodeJudgement>,
): Promise<PreviewVerdict> {
  try {
    return { judged: await decide(), refusal: null }
  } catch (error) {
    if (!(error instanceof AppError) || !VERDICTS.has(error.code)) throw error
    const sentence = 'sentence' in error.facts ? (error.facts.sentence as CodeSentenceFacts) : null
    return { judged: null, refusal: { code: error.code, reason: error.message, sentence } }
  }
}

/** What `code` would do, from the verdict on the registration it is for (made, or to be made). */
export async function toVoucherPreview(
  trx: Kysely<DB>,
  code: string,
  verdict: PreviewVerdict,
  timeZone: string,
): Promise<VoucherPreview> {
  const { judged, refusal } = verdict
  const parsed = parseVoucherCode(code)
  const record = parsed.ok ? await findVoucher(trx, parsed.code) : null
  if (!record) throw new AppError('CODE_NOT_FOUND', { field: 'code' })
  const offer = await findOfferVersion(trx, record.offerId, record.offerVersion)
  if (!offer) throw new Error(`Voucher ${record.code} names a missing offer version`)
  const mine = judged?.accepted.find((accepted) => accepted.record.code === record.code)
  return {
    code: formatVoucherCode(record.code),
    offer,
    covers: describeScope(offer.exams),
    expiresAt: record.expiresAt,
    accepted: refusal === null,
    refusal,
    does: mine?.verdict.does ?? null,
    keeps: mine?.verdict.keeps ?? [],
    loses: judged?.loses ?? [],
    price: judged?.price ?? null,
    sentences: {
      does: mine ? codeSentenceFacts(mine.verdict.sentences.does) : null,
      keeps: (mine?.verdict.sentences.keeps ?? []).map(codeSentenceFacts),
      loses: (judged?.losesSaid ?? []).map(codeSentenceFacts),
    },
    timeZone,
  }
}
