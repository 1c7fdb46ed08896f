import type { Kysely } from 'kysely'
import { listFamilies } from '../../db/catalogue/exam-families.js'
import { findExam } from '../../db/catalogue/exams.js'
import { listProviders } from '../../db/catalogue/providers.js'
import type { DB } from '../../db/engine/schema.js'
import { insertOfferVersion, listOfferVersions } from '../../db/vouchers/offers.js'
import { formatInstant, type Instant } from '../../domain/instant.js'
import {
  type AfterPassDiscount,
  type Benefit,
  type ExamScope,
  type OfferVersion,
  PAYMENT_METHODS,
  PRICE_CLASSES,
} from '../../domain/offer.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { requireExamNumber, requireInstant, requireName } from '../input-fields.js'
import { runCommand } from '../run-command.js'
import { computeOfferViews, type OfferView } from './list-offers.js'

/** The highest version number an offer may reach. */
export const MAX_OFFER_VERSION = 10_000
/** The longest a code may be good for from its issue: ten years, in days. */
export const MAX_VALID_DAYS = 3_660
/** The most exams one free-retake code (an exam pack) may cover. */
export const MAX_PACK_EXAMS = 100
/** The most registrations one code may pay for, when limited. */
export const MAX_USES_PER_CODE = 1_000_000

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
 * Adds an offer (version 1) or the next version of one. Every term is
 * checked, and refused naming its field: the shape of each value
 * (VALIDATION_FAILED), terms that contradict each other or the versions
 * before (OFFER_TERMS_INVALID), families, providers and exams that do not
 * exist, and a version number already taken (OFFER_VERSION_EXISTS). A new
 * version never takes effect in the past: codes issued before it keep the
 * terms they were issued under, and so must the history of what was in force.
 */
export async function createOfferVersion(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: OfferVersionInput,
): Promise<OfferView> {
  const now = deps.clock.now()
  const offer = prepareOfferVersion(input, now)
  // A concurrent request may store the same version between the check and the insert.
  const onConflict = { offers: () => versionExists(offer) }
  return runCommand(deps, { onConflict }, async (trx) => {
    const earlier = await listOfferVersions(trx, offer.offerId)
    requireNextVersion(offer, earlier)
    await requireKnownScope(trx, offer)
    await insertOfferVersion(trx, offer, now)
    return computeOfferViews([...earlier, offer], now)[0]!
  })
}

/** The terms as a version, checked on their own (not yet against the programme's data). */
export function prepareOfferVersion(input: OfferVersionInput, now: Instant): OfferVersion {
  const offerId = requireOfferId(input.offerId)
  const version = requireWhole(input.version, 'version', 1, MAX_OFFER_VERSION)
  const name = requireName(input.name, 'name')
  const effectiveFrom =
    input.effectiveFrom === undefined ? now : requireInstant(input.effectiveFrom, 'effectiveFrom')
  if (effectiveFrom < now) {
    refuseTerms(
      'effectiveFrom',
      `must not be in the past (now is ${formatInstant(now)}): terms already in force do not change`,
    )
  }

  const enrolment = readEnrolment(input.enrolment ?? null)
  const useBefore =
    input.useBefore === undefined || input.useBefore === null
      ? null
      : requireInstant(input.useBefore, 'useBefore')
  if (useBefore !== null && useBefore <= effectiveFrom) {
    refuseTerms('useBefore', 'must be after effectiveFrom, or no code could ever be used')
  }
  if (useBefore !== null && enrolment !== null && useBefore < enrolment.closesAt) {
    refuseTerms(
      'useBefore',
      'must not be before enrolment.closesAt: a code enrolled for on the last day must still be usable',
    )
  }
  const validDays =
    input.validDays === undefined || input.validDays === null
      ? null
      : requireWhole(input.validDays, 'validDays', 1, MAX_VALID_DAYS)

  const benefit = readBenefit(input.benefit)
  const afterPass = readAfterPass(input.afterPass ?? null, benefit)
  const usesPerCode = readUsesPerCode(input.usesPerCode, benefit)

  return {
    offerId,
    version,
    name,
    effectiveFrom,
    enrolment,
    useBefore,
    validDays,
    exams: readScope(input.exams ?? {}),
    providers: unique(input.providers ?? []),
    paymentMethods: unique(
      (input.paymentMethods ?? []).map((method, i) =>
        requireOneOf(method, PAYMENT_METHODS, `paymentMethods.${i}`),
      ),
    ),
    combinable: input.combinable ?? false,
    benefit,
    afterPass,
    usesPerCode,
    returnOnCancel: input.returnOnCancel ?? true,
  }
}

const OFFER_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/

/** An offer id: lower-case letters, digits and inner hyphens (`second-shot`), at most 40. */
function requireOfferId(text: string, field = 'offerId'): string {
  if (!OFFER_ID.test(text)) {
    throw new AppError('VALIDATION_FAILED', {
      field,
      problem:
        'must be lower-case letters, digits and inner hyphens, at most 40 (such as second-shot)',
    })
  }
  return text
}

function readEnrolment(
  input: { readonly opensAt: string; readonly closesAt: string } | null,
): OfferVersion['enrolment'] {
  if (input === null) return null
  const opensAt = requireInstant(input.opensAt, 'enrolment.opensAt')
  const closesAt = requireInstant(input.closesAt, 'enrolment.closesAt')
  if (closesAt <= opensAt) refuseTerms('enrolment.closesAt', 'must be after enrolment.opensAt')
  return { opensAt, closesAt }
}

const PREFIX = /^\d{2,3}$/

function readScope(input: NonNullable<OfferVersionInput['exams']>): ExamScope {
  return {
    families: unique(input.families ?? []),
    prefixes: unique(
      (input.prefixes ?? []).map((prefix, i) => {
        if (!PREFIX.test(prefix)) {
          throw new AppError('VALIDATION_FAILED', {
            field: `exams.prefixes.${i}`,
            problem: 'must be an exam number prefix of three digits, such as 070',
          })
        }
        return prefix.padStart(3, '0')
      }),
    ),
    numbers: unique(
      (input.numbers ?? []).map((number, i) => requireExamNumber(number, `exams.numbers.${i}`)),
    ),
    priceClasses: unique(
      (input.priceClasses ?? []).map((priceClass, i) =>
        requireOneOf(priceClass, PRICE_CLASSES, `exams.priceClasses.${i}`),
      ),
    ),
  }
}

/** What a code can give (`Benefit['kind']`). */
export const BENEFIT_KINDS = ['free-retake', 'percent-off', 'free-exam'] as const

function readBenefit(input: OfferVersionInput['benefit']): Benefit {
  const kind = requireOneOf(input.kind, BENEFIT_KINDS, 'benefit.kind')
  if (kind !== 'percent-off' && input.percent !== undefined) {
    refuseTerms('benefit.percent', `a ${kind} benefit has no percent`)
  }
  if (kind !== 'free-retake' && input.exams !== undefined) {
    refuseTerms('benefit.exams', `a ${kind} benefit covers no number of exams`)
  }
  switch (kind) {
    case 'free-retake':
      return {
        kind,
        exams: requireWhole(input.exams ?? 1, 'benefit.exams', 1, MAX_PACK_EXAMS),
      }
    case 'percent-off':
      if (input.percent === undefined) {
        throw new AppError('VALIDATION_FAILED', {
          field: 'benefit.percent',
          problem: 'is required for a percent-off benefit',
        })
      }
      return { kind, percent: requireWhole(input.percent, 'benefit.percent', 1, 100) }
    case 'free-exam':
      return { kind }
  }
}

function readAfterPass(
  input: NonNullable<OfferVersionInput['afterPass']> | null,
  benefit: Benefit,
): AfterPassDiscount | null {
  if (input === null) return null
  if (benefit.kind !== 'free-retake') {
    refuseTerms('afterPass', 'only a free-retake offer turns a pass into a discount')
  }
  const percent = requireWhole(input.percent, 'afterPass.percent', 1, 100)
  const passedFrom = requireInstant(input.passedFrom, 'afterPass.passedFrom')
  const passedUntil = requireInstant(input.passedUntil, 'afterPass.passedUntil')
  const bookBefore = requireInstant(input.bookBefore, 'afterPass.bookBefore')
  if (passedUntil <= passedFrom) {
    refuseTerms('afterPass.passedUntil', 'must be after afterPass.passedFrom')
  }
  if (bookBefore < passedUntil) {
    refuseTerms(
      'afterPass.bookBefore',
      'must not be before afterPass.passedUntil: a pass on the last day must still leave time to book',
    )
  }
  return { percent, passedFrom, passedUntil, bookBefore }
}

function readUsesPerCode(input: number | null | undefined, benefit: Benefit): number | null {
  if (benefit.kind === 'free-retake') {
    if (input !== undefined && input !== null) {
      refuseTerms(
        'usesPerCode',
        'must be null for a free-retake offer: its benefit bounds the code (one retake per exam)',
      )
    }
    return null
  }
  if (input === null) return null
  return requireWhole(input ?? 1, 'usesPerCode', 1, MAX_USES_PER_CODE)
}

/** Versions count 1, 2, 3…; each takes effect after the one before. */
function requireNextVersion(offer: OfferVersion, earlier: readonly OfferVersion[]): void {
  const latest = earlier.reduce<OfferVersion | null>(
    (found, version) => (found === null || version.version > found.version ? version : found),
    null,
  )
  const next = (latest?.version ?? 0) + 1
  if (offer.version < next) throw versionExists(offer)
  if (offer.version > next) {
    refuseTerms(
      'version',
      next === 1
        ? `must be 1: ${offer.offerId} is a new offer`
        : `must be ${next}, the next version of ${offer.offerId}`,
    )
  }
  const lastDate = Math.max(...earlier.map((version) => version.effectiveFrom))
  if (earlier.length > 0 && offer.effectiveFrom <= lastDate) {
    refuseTerms(
      'effectiveFrom',
      `must be after ${formatInstant(lastDate)}, when an earlier version of ${offer.offerId} takes effect`,
    )
  }
}

/** The families, prefixes, exams and providers the terms name exist in the programme. */
async function requireKnownScope(db: Kysely<DB>, offer: OfferVersion): Promise<void> {
  const families = await listFamilies(db)
  for (const [i, family] of offer.exams.families.entries()) {
    if (!families.some((known) => known.id === family)) {
      throw new AppError('FAMILY_UNKNOWN', { field: `exams.families.${i}`, family })
    }
  }
  for (const [i, prefix] of offer.exams.prefixes.entries()) {
    if (!families.some((known) => known.prefixes.includes(prefix))) {
      refuseTerms(`exams.prefixes.${i}`, `no exam family has the prefix ${prefix}`)
    }
  }
  for (const [i, number] of offer.exams.numbers.entries()) {
    if (!(await findExam(db, number))) {
      throw new AppError('EXAM_NOT_FOUND', { field: `exams.numbers.${i}`, exam: number })
    }
  }
  const providers = await listProviders(db)
  for (const [i, provider] of offer.providers.entries()) {
    if (!providers.some((known) => known.id === provider)) {
      throw new AppError('PROVIDER_UNKNOWN', { field: `providers.${i}`, provider })
    }
  }
}

function versionExists(offer: OfferVersion): AppError {
  return new AppError('OFFER_VERSION_EXISTS', {
    field: 'version',
    offerId: offer.offerId,
    version: offer.version,
  })
}

function refuseTerms(field: string, problem: string): never {
  throw new AppError('OFFER_TERMS_INVALID', { field, problem })
}

function requireWhole(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError('VALIDATION_FAILED', {
      field,
      problem: `must be a whole number from ${min} to ${max}`,
    })
  }
  return value
}

function requireOneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new AppError('VALIDATION_FAILED', {
      field,
      problem: `must be one of ${allowed.join(', ')}`,
    })
  }
  return value as T
}

/** The list without repeats, in first-seen order. */
function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)]
}
