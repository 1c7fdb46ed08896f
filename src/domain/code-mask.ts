import { VOUCHER_CODE_ALPHABET, VOUCHER_CODE_LENGTH } from './voucher-code.js'

/** What stands for a hidden character of a masked code. */
export const MASK_CHARACTER = '•'

/** The characters of a code a masked one still shows, at its end: enough to tell a holder's codes apart. */
export const MASK_KEEPS = 4

const GROUP = 6
const SYMBOL = `[${VOUCHER_CODE_ALPHABET}${VOUCHER_CODE_ALPHABET.toLowerCase()}]`

/**
 * A code anywhere in a text: eighteen code characters in either case,
 * as printed (groups of six joined by dashes or spaces) or run together,
 * and not part of a longer word. A mistyped code counts too: it gives away
 * all but a character of a real one.
 */
const CODE_IN_TEXT = new RegExp(
  `(?<![A-Za-z0-9])${SYMBOL}{${GROUP}}[- ]?${SYMBOL}{${GROUP}}[- ]?${SYMBOL}{${GROUP}}(?![A-Za-z0-9])`,
  'g',
)

/**
 * A code with all but its last four characters hidden, in the groups a
 * candidate knows it by: `N95RXK-VNF7BN-8VUGYP` becomes
 * `••••••-••••••-••UGYP`. The last four tell a holder which of their codes
 * is meant; the fourteen hidden ones (about 69 bits) are far too many to
 * guess. Accepts the canonical form or any printed one.
 */
export function maskCode(code: string): string {
  const characters = code.replace(/[- ]/g, '').toUpperCase()
  const shown = characters.slice(-MASK_KEEPS)
  const hidden = MASK_CHARACTER.repeat(Math.max(VOUCHER_CODE_LENGTH - shown.length, 0))
  const masked = hidden + shown
  return [masked.slice(0, GROUP), masked.slice(GROUP, 2 * GROUP), masked.slice(2 * GROUP)]
    .filter((group) => group !== '')
    .join('-')
}

/** The text with every code in it masked (`maskCode`); nothing else changes. */
export function maskCodesInText(text: string): string {
  return text.replace(CODE_IN_TEXT, maskCode)
}

/** Whether the text holds anything that looks like a code. */
export function holdsCode(text: string): boolean {
  return ANY_CODE_IN_TEXT.test(text)
}

// Without the global flag: `test` keeps no position between calls.
const ANY_CODE_IN_TEXT = new RegExp(CODE_IN_TEXT.source)
