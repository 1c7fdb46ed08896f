import type { OfferVersion } from './offer.js'

/** The terms of an offer version, in the order staff read them. */
export const OFFER_TERMS = [
  'name',
  'effectiveFrom',
  'enrolment',
  'useBefore',
  'validDays',
  'exams',
  'providers',
  'paymentMethods',
  'combinable',
  'benefit',
  'afterPass',
  'usesPerCode',
  'returnOnCancel',
] as const satisfies readonly (keyof OfferVersion)[]

export type OfferTerm = (typeof OFFER_TERMS)[number]

/**
 * The terms in which `next` differs from `previous`, in `OFFER_TERMS` order.
 * Lists are compared as sets (`['prometric', 'pearson-vue']` is the order
 * they were typed in, not a term of the offer).
 *
 * @example computeOfferChanges(v2008, v2014) // ['name', 'effectiveFrom', 'useBefore', …]
 */
export function computeOfferChanges(previous: OfferVersion, next: OfferVersion): OfferTerm[] {
  return OFFER_TERMS.filter((term) => !sameTerm(previous[term], next[term]))
}

function sameTerm(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

/** A text that is the same for equal terms: keys sorted, lists of plain values sorted. */
function canonical(value: unknown): string {
  return JSON.stringify(normalise(value))
}

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(normalise)
    return items.every((item) => typeof item !== 'object' || item === null)
      ? [...items].sort((x, y) => String(x).localeCompare(String(y)))
      : items
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, inner]) => inner !== undefined)
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([key, inner]) => [key, normalise(inner)]),
    )
  }
  return value
}
