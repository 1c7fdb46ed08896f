import type { Kysely } from 'kysely'
import type { ExamPricing } from '../../db/catalogue/exam-prices.js'
import type { DB } from '../../db/engine/schema.js'
import { findOfferVersion } from '../../db/vouchers/offers.js'
import {
  findVoucher,
  listVouchersOfCandidate,
  listVoucherUses,
  type VoucherRecord,
} from '../../db/vouchers/vouchers.js'
import type { Appointment } from '../../domain/appointment.js'
import type { Candidate } from '../../domain/candidate.js'
import {
  type CodeSentence,
  codeSentence,
  codeSentenceFacts,
  codeSentenceInEnglish,
} from '../../domain/code-sentences.js'
import type { CodeCaller } from '../../domain/code-throttle-scopes.js'
import { earliestRetakeIfFailed } from '../../domain/decide-retake.js'
import { decideVoucher, type VoucherVerdict } from '../../domain/decide-voucher.js'
import type { Exam } from '../../domain/exam.js'
import type { Instant } from '../../domain/instant.js'
import type { OfferVersion, PaymentMethod, PricedExam } from '../../domain/offer.js'
import {
  type AppliedCode,
  addCodesToPrice,
  defaultCurrency,
  type PriceBreakdown,
  priceRegistration,
} from '../../domain/price.js'
import { isCountedUse, openFreeRetakes, useSlot, type Voucher } from '../../domain/voucher.js'
import { formatVoucherCode, parseVoucherCode } from '../../domain/voucher-code.js'
import { AppError } from '../errors.js'
import type { RetakeQuestion } from '../retakes/load-retake-facts.js'
import { requireCodeEntryOpen } from './code-throttle.js'

/** A registration-to-be, as the codes on it judge it. */
export interface CodeQuestion {
  readonly candidate: Candidate
  readonly exam: Exam
  readonly pricing: ExamPricing | null
  readonly appointment: Appointment
  /** As typed: any case, spaces and dashes. */
  readonly codes: readonly string[]
  readonly paymentMethod: PaymentMethod | null
  readonly currency: string | null
  readonly retake: RetakeQuestion
  /** Who types the codes: a locked record of theirs refuses every code. */
  readonly caller: CodeCaller
  readonly now: Instant
  /**
   * False when the caller has just read, in the same transaction, that the
   * candidate holds no code: then no held free retake is looked up.
   */
  readonly holdsCodes?: boolean
  /**
   * For codes applied to a registration that exists: the codes it has
   * (each must combine with the new ones) and its price, which the new
   * codes apply to after them, in its currency.
   */
  readonly onRegistration?: {
    readonly id: string
    readonly codes: readonly CodeOnRegistration[]
    readonly price: PriceBreakdown | null
  }
}

/** A code a registration already uses, as the codes joining it see it. */
export interface CodeOnRegistration {
  /** Canonical. */
  readonly code: string
  readonly offerName: string
  readonly combinable: boolean
}

/** One code, found and accepted, with what it will take. */
export interface AcceptedCode {
  readonly record: VoucherRecord
  readonly offer: OfferVersion
  readonly verdict: Extract<VoucherVerdict, { accepted: true }>
  /** The benefit the use fills (one live use per code and slot); null for a counted or unlimited use. */
  readonly slot: string | null
  /** The use is counted on the code's row, up to this limit; null when it is not counted. */
  readonly countedUpTo: number | null
}

/** A free retake held by another code that this registration would give up. */
export interface HeldRetake {
  readonly record: VoucherRecord
  readonly sentence: string
  /** The same, as a code and its facts. */
  readonly said: CodeSentence
}

export interface CodeJudgement {
  readonly accepted: readonly AcceptedCode[]
  readonly giveUp: readonly HeldRetake[]
  readonly price: PriceBreakdown | null
  /** Everything this registration would cost the candidate besides money. */
  readonly loses: readonly string[]
  /** The same, as codes and their facts. */
  readonly losesSaid: readonly CodeSentence[]
}

/**
 * Judges every code on a registration-to-be and prices it: the one path
 * behind both the preview and the registration, so that the preview's
 * verdict is what registering then does. Throws the refusal of the first
 * code refused; a code not found is CODE_NOT_FOUND, which the caller counts
 * as a wrong guess once its transaction is over.
 */
export async function decideCodes(db: Kysely<DB>, question: CodeQuestion): Promise<CodeJudgement> {
  const { candidate, exam, appointment, now } = question
  const zone = candidate.timeZone
  const canonical = readCodes(question.codes)
  if (canonical.length > 0) {
    await requireCodeEntryOpen(
      db,
      { candidateId: candidate.id, caller: question.caller },
      now,
      zone,
    )
  }

  const onRegistration = question.onRegistration
  const found: { record: VoucherRecord; voucher: Voucher; field: string }[] = []
  for (const [index, code] of canonical.entries()) {
    const field = canonical.length === 1 ? 'voucherCode' : `voucherCodes.${index}`
    const loaded = await loadVoucher(db, code)
    if (loaded && onRegistration?.codes.some((used) => used.code === code)) {
      throw new AppError('CODE_ALREADY_USED', {
        field,
        reason: `This code is on registration ${onRegistration.id} already.`,
      })
    }
    // Someone else's code is answered exactly like a code that does not exist.
    if (
      !loaded ||
      (loaded.record.candidateId !== null && loaded.record.candidateId !== candidate.id)
    ) {
      throw new AppError('CODE_NOT_FOUND', { field })
    }
    found.push({ ...loaded, field })
  }

  const pricedExam: PricedExam = {
    number: exam.number,
    title: exam.title,
    family: exam.family,
    priceClass: question.pricing?.priceClass ?? 'regular',
  }
  const startsAt = appointment.slot.startsAt
  const retakeIfFailedAt = found.some(({ voucher }) => voucher.offer.benefit.kind === 'free-retake')
    ? earliestRetakeIfFailed(
        question.retake.policies,
        question.retake.facts,
        exam,
        appointment.provider.id,
        startsAt,
      )
    : null

  const accepted: AcceptedCode[] = []
  for (const { record, voucher, field } of found) {
    const verdict = decideVoucher(voucher, {
      candidateId: candidate.id,
      exam: pricedExam,
      provider: appointment.provider.id,
      startsAt,
      now,
      paymentMethod: question.paymentMethod,
      otherCodes: [
        ...found
          .filter((other) => other.record.code !== record.code)
          .map((other) => ({
            offerName: other.voucher.offer.name,
            combinable: other.voucher.offer.combinable,
          })),
        ...(onRegistration?.codes ?? []),
      ],
      retakeIfFailedAt,
      timeZone: zone,
    })
    if (!verdict.accepted) {
      throw new AppError(verdict.code, {
        field,
        reason: verdict.reason,
        sentence: codeSentenceFacts(verdict.sentence),
        voucherCode: formatVoucherCode(record.code),
      })
    }
    accepted.push({
      record,
      offer: voucher.offer,
      verdict,
      slot: useSlot(verdict.use, exam.number),
      countedUpTo: isCountedUse(verdict.use, voucher.offer) ? voucher.offer.usesPerCode : null,
    })
  }

  const giveUp = await heldRetakesGivenUp(
    db,
    question,
    new Set([...canonical, ...(onRegistration?.codes.map((used) => used.code) ?? [])]),
  )
  const applied = accepted.map(toAppliedCode)
  const price = onRegistration
    ? onRegistration.price && addCodesToPrice(onRegistration.price, applied)
    : priceOf(question, applied)
  return {
    accepted,
    giveUp,
    price,
    loses: [
      ...accepted.flatMap((code) => code.verdict.loses),
      ...giveUp.map((held) => held.sentence),
    ],
    losesSaid: [
      ...accepted.flatMap((code) => code.verdict.sentences.loses),
      ...giveUp.map((held) => held.said),
    ],
  }
}

/** Canonical codes, each once; the first mistyped one refused with the reason. */
function readCodes(codes: readonly string[]): string[] {
  const canonical: string[] = []
  for (const [index, typed] of codes.entries()) {
    const field = codes.length === 1 ? 'voucherCode' : `voucherCodes.${index}`
    const parsed = parseVoucherCode(typed)
    if (!parsed.ok)
      throw new AppError('CODE_MISTYPED', {
        field,
        reason: parsed.sentence,
        problem: parsed.problem,
        position: parsed.position,
      })
    if (canonical.includes(parsed.code)) throw new AppError('DUPLICATE_CODE', { field })
    canonical.push(parsed.code)
  }
  return canonical
}

async function loadVoucher(
  db: Kysely<DB>,
  code: string,
): Promise<{ record: VoucherRecord; voucher: Voucher } | null> {
  const record = await findVoucher(db, code)
  if (!record) return null
  return { record, voucher: await toVoucher(db, record) }
}

async function toVoucher(db: Kysely<DB>, record: VoucherRecord): Promise<Voucher> {
  const offer = await findOfferVersion(db, record.offerId, record.offerVersion)
  if (!offer) throw new Error(`Voucher ${record.code} names a missing offer version`)
  return {
    code: record.code,
    candidateId: record.candidateId,
    offer,
    issuedAt: record.issuedAt,
    expiresAt: record.expiresAt,
    voidedAt: record.voidedAt ?? null,
    uses: needsUses(record, offer) ? await listVoucherUses(db, record.code) : [],
    usesTaken: record.usesTaken ?? 0,
  }
}

/**
 * A percent-off or free exam code is judged by its count of uses, not its
 * uses, which may be thousands (a wave's code); they are read only to say
 * what the last one was when none is left. A free-retake code's uses are
 * its state.
 */
function needsUses(record: VoucherRecord, offer: OfferVersion): boolean {
  if (offer.benefit.kind === 'free-retake') return true
  return offer.usesPerCode !== null && (record.usesTaken ?? 0) >= offer.usesPerCode
}

/** The candidate's other codes that hold a free retake of this exam, which booking it without them gives up. */
async function heldRetakesGivenUp(
  db: Kysely<DB>,
  question: CodeQuestion,
  used: ReadonlySet<string>,
): Promise<HeldRetake[]> {
  const held: HeldRetake[] = []
  if (question.holdsCodes === false) return held
  for (const record of await listVouchersOfCandidate(db, question.candidate.id)) {
    if (used.has(record.code)) continue
    const voucher = await toVoucher(db, record)
    const open = openFreeRetakes(voucher, question.now).some(
      (use) => use.exam === question.exam.number,
    )
    if (!open) continue
    const voucherCode = formatVoucherCode(record.code)
    const exam = question.exam.number
    const said =
      record.expiresAt === null
        ? codeSentence('HELD_RETAKE_GIVEN_UP', { voucherCode, exam })
        : codeSentence('HELD_RETAKE_GIVEN_UP_UNTIL', {
            voucherCode,
            exam,
            expiresAt: record.expiresAt,
          })
    held.push({
      record,
      sentence: codeSentenceInEnglish(said, question.candidate.timeZone),
      said,
    })
  }
  return held
}

function toAppliedCode(code: AcceptedCode): AppliedCode {
  return {
    code: formatVoucherCode(code.record.code),
    offerId: code.offer.offerId,
    offerVersion: code.offer.version,
    label: `${code.offer.name}: ${code.verdict.does}`,
    effect: code.verdict.effect,
  }
}

function priceOf(question: CodeQuestion, applied: readonly AppliedCode[]): PriceBreakdown | null {
  const prices = question.pricing?.prices ?? []
  if (prices.length === 0) {
    if (question.currency !== null) {
      throw new AppError('CURRENCY_NOT_PRICED', {
        field: 'currency',
        exam: question.exam.number,
        currency: question.currency,
      })
    }
    return null
  }
  // Priced in at least one currency, so there is a default.
  const currency = question.currency ?? defaultCurrency(prices)!
  const list = prices.find((price) => price.currency === currency)
  if (!list) {
    throw new AppError('CURRENCY_NOT_PRICED', {
      field: 'currency',
      exam: question.exam.number,
      currency,
    })
  }
  return priceRegistration(list, applied)
}
