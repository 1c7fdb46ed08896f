import { parseRegistrationCode } from './registration-code.js'
import { computeSearchWords } from './search-words.js'
import { parseVoucherCode } from './voucher-code.js'

/** Why a candidate was found: the kind of key the text matched, most exact first. */
export const SEARCH_MATCHES = ['id', 'email', 'registration', 'code', 'name'] as const
export type SearchMatch = (typeof SEARCH_MATCHES)[number]

/**
 * What one search box's text can be, all at once: support types whatever the
 * caller read out, and is not asked which kind of key it is.
 */
export interface CandidateSearch {
  /** The text without surrounding spaces, braces, brackets or quotes: a candidate id, or a registration id as stored. */
  readonly text: string
  /** The whole text as an email, lower-cased, when it has an `@`; compared whole. */
  readonly email: string | null
  /** A registration id in its canonical spelling (`K7QM-2X9P-4RTC`), when the text can be one. */
  readonly registrationId: string | null
  /** A voucher code in its canonical form, when the text is one (its check character agrees). */
  readonly voucherCode: string | null
  /**
   * The words of a name (each a prefix of a word of the first name, last
   * name or email local part; all must match), longest first, without a
   * word that another typed word starts with, since that one says it
   * already. Empty for an email.
   */
  readonly words: readonly string[]
}

const WRAPPING = /^[\s{}[\]()<>"'“”‘’]+|[\s{}[\]()<>"'“”‘’]+$/gu

/**
 * Reads a search box: `{k7qm 2x9p-4rtc}` is a registration id, `N95RXK
 * VNF7BN 8VUGYP` a voucher code, `Ana@Example.org` an email, `lé mar` two
 * partial words of a name. A text may be several kinds at once; each is
 * looked up.
 */
export function parseCandidateSearch(input: string): CandidateSearch {
  const text = input.replace(WRAPPING, '')
  const email = text.includes('@') ? text.toLowerCase() : null
  const voucher = parseVoucherCode(text)
  return {
    text,
    email,
    registrationId: parseRegistrationCode(text),
    voucherCode: voucher.ok ? voucher.code : null,
    words: email === null ? withoutImpliedWords(computeSearchWords(text)) : [],
  }
}

/** The words, longest first (ties in typed order), less any word a longer kept one starts with. */
function withoutImpliedWords(words: readonly string[]): string[] {
  const kept: string[] = []
  const longestFirst = [...words].sort((a, b) => [...b].length - [...a].length)
  for (const word of longestFirst)
    if (!kept.some((longer) => longer.startsWith(word))) kept.push(word)
  return kept
}
