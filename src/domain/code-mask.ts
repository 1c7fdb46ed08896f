import { VOUCHER_CODE_ALPHABET, VOUCHER_CODE_LENGTH } from './voucher-code.js'

/** What stands for a hidden character of a masked code. */
export const MASK_CHARACTER = '•'

/** The characters of a code a masked one still shows, at its end: enough to tell a holder's codes apart. */
export const MASK_KEEPS = 4

const GROUP = 6
const GROUPS = 3

/** By character code below 128: 1 for a code character in either case, 2 for any other letter or digit. */
const KIND = new Uint8Array(128)
for (const char of '0123456789abcdefghijklmnopqrstuvwxyz') {
  KIND[char.charCodeAt(0)] = 2
  KIND[char.toUpperCase().charCodeAt(0)] = 2
}
for (const char of VOUCHER_CODE_ALPHABET + VOUCHER_CODE_ALPHABET.toLowerCase())
  KIND[char.charCodeAt(0)] = 1

const kindAt = (text: string, i: number): number => {
  const c = text.charCodeAt(i)
  return c < 128 ? KIND[c]! : 0
}

/**
 * Where the code that starts at `start` ends, or -1. A code anywhere in a
 * text is eighteen code characters in either case, as printed (groups of
 * six joined by a dash or a space) or run together, and not part of a
 * longer word: the same as
 * `(?<![A-Za-z0-9])C{6}[- ]?C{6}[- ]?C{6}(?![A-Za-z0-9])` (the test holds
 * the two equal), read by hand because every log line goes through it: trying
 * only where a word starts, it costs about what serialising the line does,
 * and the expression, tried at every character, about twice that.
 */
function codeEndAt(text: string, start: number): number {
  let i = start
  for (let group = 0; group < GROUPS; group++) {
    if (group > 0) {
      const c = text.charCodeAt(i)
      if ((c === 45 || c === 32) && kindAt(text, i + 1) === 1) i++ // '-' or ' '
    }
    for (let k = 0; k < GROUP; k++, i++) if (kindAt(text, i) !== 1) return -1
  }
  return i < text.length && kindAt(text, i) !== 0 ? -1 : i
}

/**
 * Where the first code at or after `from` starts, or -1 (its end is then
 * `codeEndAt`). A mistyped code counts too: it gives away all but a
 * character of a real one.
 */
function nextCodeStart(text: string, from: number): number {
  const n = text.length
  let i = from
  while (i < n) {
    if (kindAt(text, i) === 0) {
      i++
      continue
    }
    // A word starts here: a code can start only where a word does.
    if (codeEndAt(text, i) !== -1) return i
    while (i < n && kindAt(text, i) !== 0) i++
  }
  return -1
}

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
  let start = nextCodeStart(text, 0)
  if (start === -1) return text
  let masked = ''
  let copied = 0
  while (start !== -1) {
    const end = codeEndAt(text, start)
    masked += text.slice(copied, start) + maskCode(text.slice(start, end))
    copied = end
    start = nextCodeStart(text, end)
  }
  return masked + text.slice(copied)
}

/** Whether the text holds anything that looks like a code. */
export function holdsCode(text: string): boolean {
  return nextCodeStart(text, 0) !== -1
}

/**
 * A JSON value (an audit entry's detail) with every code in its texts
 * masked, keys included; numbers, flags and nulls as they are.
 */
export function maskCodesInValue(value: unknown): unknown {
  if (typeof value === 'string') return maskCodesInText(value)
  if (Array.isArray(value)) return value.map(maskCodesInValue)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [maskCodesInText(key), maskCodesInValue(inner)]),
    )
  }
  return value
}
