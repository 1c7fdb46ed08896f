import { type ExamNumber, parseExamNumber } from './exam-number.js'
import { formatInstant, type Instant, parseInstantInput } from './instant.js'
import {
  type AfterPassDiscount,
  type Benefit,
  type ExamScope,
  type OfferVersion,
  PAYMENT_METHODS,
  PRICE_CLASSES,
} from './offer.js'
import { parsePersonName } from './person-name.js'

/** The highest version number an offer may reach. */
export const MAX_OFFER_VERSION = 10_000
/** The longest a code may be good for from its issue: ten years, in days. */
export const MAX_VALID_DAYS = 3_660
/** The most exams one free-retake code (an exam pack) may cover. */
export const MAX_PACK_EXAMS = 100
/** The most registrations one code may pay for, when limited. */
export const MAX_USES_PER_CODE = 1_000_000

/** What a code can give (`Benefit['kind']`). */
export const BENEFIT_KINDS = ['free-retake', 'percent-off', 'free-exam'] as const

/** A version's terms as an admin sends them: instants as RFC 3339 text, lists optional. */
export interface OfferVersionInput {
  readonly offerId: string
  readonly version: number
  readonly name: string
  /** Default: now. Never in the past, and after every earlier version's date. */
  readonly effectiveFrom?: string
  /** Default null: codes are only issued by staff. */
  readonly enrolment?: { readonly opensAt: string; readonly closesAt: string } | null
  readonly useBefore?: string | null
  readonly validDays?: number | null
  /** Default: every exam at any price. */
  readonly exams?: {
    readonly families?: readonly string[]
    /** `070` or `70`. */
    readonly prefixes?: readonly string[]
    /** Either spelling, `70-620` or `070-620`. */
    readonly numbers?: readonly string[]
    readonly priceClasses?: readonly string[]
  }
  /** Default: every provider. */
  readonly providers?: readonly string[]
  /** Default: every payment method. */
  readonly paymentMethods?: readonly string[]
  /** Default false. */
  readonly combinable?: boolean
  /** `exams` (default 1) for a free retake, `percent` for a discount. */
  readonly benefit: { readonly kind: string; readonly exams?: number; readonly percent?: number }
  readonly afterPass?: {
    readonly percent: number
    readonly passedFrom: string
    readonly passedUntil: string
    readonly bookBefore: string
  } | null
  /** Default: null for a free retake (its benefit bounds it), else 1. */
  readonly usesPerCode?: number | null
  /** Default true. */
  readonly returnOnCancel?: boolean
}

/**
 * One thing wrong with the terms, stated by its error code and the facts
 * its sentence is written from: a value of the wrong shape
 * (VALIDATION_FAILED, INSTANT_INVALID, EXAM_NUMBER_MALFORMED), terms that
 * contradict each other or the versions before (OFFER_TERMS_INVALID), a
 * version number already taken (OFFER_VERSION_EXISTS).
 */
export type OfferTermsProblem =
  | { readonly code: 'VALIDATION_FAILED'; readonly facts: Fielded<{ problem: string }> }
  | { readonly code: 'INSTANT_INVALID'; readonly facts: Fielded<{ value: string }> }
  | { readonly code: 'EXAM_NUMBER_MALFORMED'; readonly facts: Fielded<{ value: string }> }
  | { readonly code: 'OFFER_TERMS_INVALID'; readonly facts: Fielded<{ problem: string }> }
  | {
      readonly code: 'OFFER_VERSION_EXISTS'
      readonly facts: Fielded<{ offerId: string; version: number }>
    }

/** Facts with the input field at fault. */
type Fielded<Facts> = { readonly field: string } & Readonly<Facts>

/** The terms as a version, or every problem found in them, in the order a reader meets them. */
export type ParsedOfferTerms =
  | { readonly ok: true; readonly offer: OfferVersion }
  | { readonly ok: false; readonly problems: readonly OfferTermsProblem[] }

/**
 * The terms as a version, checked on their own (not yet against the
 * programme's data or the offer's earlier versions). A version never takes
 * effect before `now`: codes issued before it keep the terms they were
 * issued under, and so must the history of what was in force. A term that
 * depends on another one found wrong is not checked against it.
 */
export function parseOfferTerms(input: OfferVersionInput, now: Instant): ParsedOfferTerms {
  const problems: OfferTermsProblem[] = []
  const offerId = readOfferId(input.offerId, problems)
  const version = readWhole(input.version, 'version', 1, MAX_OFFER_VERSION, problems)
  const name = readName(input.name, problems)
  const effectiveFrom = readEffectiveFrom(input.effectiveFrom, now, problems)
  const enrolment = readEnrolment(input.enrolment ?? null, problems)
  const useBefore = readUseBefore(input.useBefore ?? null, effectiveFrom, enrolment, problems)
  const validDays =
    input.validDays === undefined || input.validDays === null
      ? null
      : readWhole(input.validDays, 'validDays', 1, MAX_VALID_DAYS, problems)
  const benefit = readBenefit(input.benefit, problems)
  const afterPass = readAfterPass(input.afterPass ?? null, benefit, problems)
  const usesPerCode = readUsesPerCode(input.usesPerCode, benefit, problems)
  const exams = readScope(input.exams ?? {}, problems)
  const paymentMethods = unique(
    (input.paymentMethods ?? []).map((method, i) =>
      readOneOf(method, PAYMENT_METHODS, `paymentMethods.${i}`, problems),
    ),
  )
  if (
    problems.length > 0 ||
    offerId === null ||
    version === null ||
    name === null ||
    effectiveFrom === null ||
    benefit === null
  ) {
    return { ok: false, problems }
  }
  return {
    ok: true,
    offer: {
      offerId,
      version,
      name,
      effectiveFrom,
      enrolment,
      useBefore,
      validDays,
      exams,
      providers: unique(input.providers ?? []),
      paymentMethods: paymentMethods.filter((method) => method !== null),
      combinable: input.combinable ?? false,
      benefit,
      afterPass,
      usesPerCode,
      returnOnCancel: input.returnOnCancel ?? true,
    },
  }
}

/**
 * Versions count 1, 2, 3…; each takes effect after the one before. The
 * problem with `offer` as the next version of `earlier`, or null when it is.
 */
export function refuseNextVersion(
  offer: OfferVersion,
  earlier: readonly OfferVersion[],
): OfferTermsProblem | null {
  const latest = earlier.reduce<OfferVersion | null>(
    (found, version) => (found === null || version.version > found.version ? version : found),
    null,
  )
  const next = (latest?.version ?? 0) + 1
  if (offer.version < next) return versionExists(offer)
  if (offer.version > next) {
    return termsProblem(
      'version',
      next === 1
        ? `must be 1: ${offer.offerId} is a new offer`
        : `must be ${next}, the next version of ${offer.offerId}`,
    )
  }
  const lastDate = Math.max(...earlier.map((version) => version.effectiveFrom))
  if (earlier.length > 0 && offer.effectiveFrom <= lastDate) {
    return termsProblem(
      'effectiveFrom',
      `must be after ${formatInstant(lastDate)}, when an earlier version of ${offer.offerId} takes effect`,
    )
  }
  return null
}

/** The version number `offer` names is already taken. */
export function versionExists(offer: OfferVersion): OfferTermsProblem {
  return {
    code: 'OFFER_VERSION_EXISTS',
    facts: { field: 'version', offerId: offer.offerId, version: offer.version },
  }
}

const OFFER_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/

/** An offer id: lower-case letters, digits and inner hyphens (`second-shot`), at most 40. */
function readOfferId(text: string, problems: OfferTermsProblem[]): string | null {
  if (OFFER_ID.test(text)) return text
  problems.push(
    invalid(
      'offerId',
      'must be lower-case letters, digits and inner hyphens, at most 40 (such as second-shot)',
    ),
  )
  return null
}

function readName(text: string, problems: OfferTermsProblem[]): string | null {
  const parsed = parsePersonName(text)
  if (parsed.ok) return parsed.name
  problems.push(invalid('name', parsed.problem))
  return null
}

function readEffectiveFrom(
  text: string | undefined,
  now: Instant,
  problems: OfferTermsProblem[],
): Instant | null {
  if (text === undefined) return now
  const effectiveFrom = readInstant(text, 'effectiveFrom', problems)
  if (effectiveFrom !== null && effectiveFrom < now) {
    problems.push(
      termsProblem(
        'effectiveFrom',
        `must not be in the past (now is ${formatInstant(now)}): terms already in force do not change`,
      ),
    )
  }
  return effectiveFrom
}

function readEnrolment(
  input: { readonly opensAt: string; readonly closesAt: string } | null,
  problems: OfferTermsProblem[],
): OfferVersion['enrolment'] {
  if (input === null) return null
  const opensAt = readInstant(input.opensAt, 'enrolment.opensAt', problems)
  const closesAt = readInstant(input.closesAt, 'enrolment.closesAt', problems)
  if (opensAt === null || closesAt === null) return null
  if (closesAt <= opensAt) {
    problems.push(termsProblem('enrolment.closesAt', 'must be after enrolment.opensAt'))
    return null
  }
  return { opensAt, closesAt }
}

function readUseBefore(
  text: string | null,
  effectiveFrom: Instant | null,
  enrolment: OfferVersion['enrolment'],
  problems: OfferTermsProblem[],
): Instant | null {
  if (text === null) return null
  const useBefore = readInstant(text, 'useBefore', problems)
  if (useBefore === null) return null
  if (effectiveFrom !== null && useBefore <= effectiveFrom) {
    problems.push(
      termsProblem('useBefore', 'must be after effectiveFrom, or no code could ever be used'),
    )
  }
  if (enrolment !== null && useBefore < enrolment.closesAt) {
    problems.push(
      termsProblem(
        'useBefore',
        'must not be before enrolment.closesAt: a code enrolled for on the last day must still be usable',
      ),
    )
  }
  return useBefore
}

const PREFIX = /^\d{2,3}$/

function readScope(
  input: NonNullable<OfferVersionInput['exams']>,
  problems: OfferTermsProblem[],
): ExamScope {
  const prefixes = (input.prefixes ?? []).map((prefix, i) => {
    if (PREFIX.test(prefix)) return prefix.padStart(3, '0')
    problems.push(
      invalid(`exams.prefixes.${i}`, 'must be an exam number prefix of three digits, such as 070'),
    )
    return null
  })
  const numbers = (input.numbers ?? []).map((number, i) =>
    readExamNumber(number, `exams.numbers.${i}`, problems),
  )
  const priceClasses = (input.priceClasses ?? []).map((priceClass, i) =>
    readOneOf(priceClass, PRICE_CLASSES, `exams.priceClasses.${i}`, problems),
  )
  return {
    families: unique(input.families ?? []),
    prefixes: unique(prefixes.filter((prefix) => prefix !== null)),
    numbers: unique(numbers.filter((number) => number !== null)),
    priceClasses: unique(priceClasses.filter((priceClass) => priceClass !== null)),
  }
}

function readBenefit(
  input: OfferVersionInput['benefit'],
  problems: OfferTermsProblem[],
): Benefit | null {
  const kind = readOneOf(input.kind, BENEFIT_KINDS, 'benefit.kind', problems)
  if (kind === null) return null
  const before = problems.length
  if (kind !== 'percent-off' && input.percent !== undefined) {
    problems.push(termsProblem('benefit.percent', `a ${kind} benefit has no percent`))
  }
  if (kind !== 'free-retake' && input.exams !== undefined) {
    problems.push(termsProblem('benefit.exams', `a ${kind} benefit covers no number of exams`))
  }
  const benefit = benefitOf(kind, input, problems)
  return problems.length === before ? benefit : null
}

function benefitOf(
  kind: Benefit['kind'],
  input: OfferVersionInput['benefit'],
  problems: OfferTermsProblem[],
): Benefit | null {
  switch (kind) {
    case 'free-retake': {
      const exams = readWhole(input.exams ?? 1, 'benefit.exams', 1, MAX_PACK_EXAMS, problems)
      return exams === null ? null : { kind, exams }
    }
    case 'percent-off': {
      if (input.percent === undefined) {
        problems.push(invalid('benefit.percent', 'is required for a percent-off benefit'))
        return null
      }
      const percent = readWhole(input.percent, 'benefit.percent', 1, 100, problems)
      return percent === null ? null : { kind, percent }
    }
    case 'free-exam':
      return { kind }
  }
}

function readAfterPass(
  input: NonNullable<OfferVersionInput['afterPass']> | null,
  benefit: Benefit | null,
  problems: OfferTermsProblem[],
): AfterPassDiscount | null {
  if (input === null) return null
  if (benefit !== null && benefit.kind !== 'free-retake') {
    problems.push(
      termsProblem('afterPass', 'only a free-retake offer turns a pass into a discount'),
    )
  }
  const percent = readWhole(input.percent, 'afterPass.percent', 1, 100, problems)
  const passedFrom = readInstant(input.passedFrom, 'afterPass.passedFrom', problems)
  const passedUntil = readInstant(input.passedUntil, 'afterPass.passedUntil', problems)
  const bookBefore = readInstant(input.bookBefore, 'afterPass.bookBefore', problems)
  if (percent === null || passedFrom === null || passedUntil === null || bookBefore === null) {
    return null
  }
  if (passedUntil <= passedFrom) {
    problems.push(termsProblem('afterPass.passedUntil', 'must be after afterPass.passedFrom'))
  }
  if (bookBefore < passedUntil) {
    problems.push(
      termsProblem(
        'afterPass.bookBefore',
        'must not be before afterPass.passedUntil: a pass on the last day must still leave time to book',
      ),
    )
  }
  return { percent, passedFrom, passedUntil, bookBefore }
}

function readUsesPerCode(
  input: number | null | undefined,
  benefit: Benefit | null,
  problems: OfferTermsProblem[],
): number | null {
  if (benefit === null) return null
  if (benefit.kind === 'free-retake') {
    if (input !== undefined && input !== null) {
      problems.push(
        termsProblem(
          'usesPerCode',
          'must be null for a free-retake offer: its benefit bounds the code (one retake per exam)',
        ),
      )
    }
    return null
  }
  if (input === null) return null
  return readWhole(input ?? 1, 'usesPerCode', 1, MAX_USES_PER_CODE, problems)
}

function readInstant(text: string, field: string, problems: OfferTermsProblem[]): Instant | null {
  const instant = parseInstantInput(text)
  if (instant === null) problems.push({ code: 'INSTANT_INVALID', facts: { field, value: text } })
  return instant
}

function readExamNumber(
  text: string,
  field: string,
  problems: OfferTermsProblem[],
): ExamNumber | null {
  const number = parseExamNumber(text)
  if (number === null) {
    problems.push({ code: 'EXAM_NUMBER_MALFORMED', facts: { field, value: text } })
  }
  return number
}

function readWhole(
  value: number,
  field: string,
  min: number,
  max: number,
  problems: OfferTermsProblem[],
): number | null {
  if (Number.isInteger(value) && value >= min && value <= max) return value
  problems.push(invalid(field, `must be a whole number from ${min} to ${max}`))
  return null
}

function readOneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  field: string,
  problems: OfferTermsProblem[],
): T | null {
  if ((allowed as readonly string[]).includes(value)) return value as T
  problems.push(invalid(field, `must be one of ${allowed.join(', ')}`))
  return null
}

function invalid(field: string, problem: string): OfferTermsProblem {
  return { code: 'VALIDATION_FAILED', facts: { field, problem } }
}

function termsProblem(field: string, problem: string): OfferTermsProblem {
  return { code: 'OFFER_TERMS_INVALID', facts: { field, problem } }
}

/** The list without repeats, in first-seen order. */
function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)]
}
