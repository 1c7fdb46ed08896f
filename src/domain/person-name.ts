/**
 * A person's name as typed, made safe to store and show: refused when it
 * holds a character that is not part of any name and can disguise one, and
 * otherwise trimmed and stored in Unicode NFC, so that `Léa` typed with a
 * combining accent and `Léa` typed precomposed are one name.
 *
 * Refused: control characters (C0, DEL, C1: tabs and line breaks included),
 * line and paragraph separators, lone surrogates, and every invisible
 * formatting character (Unicode category Cf) except the zero-width joiner
 * U+200D and non-joiner U+200C, which Indic and Persian names need to be
 * spelt right. Category Cf holds the bidirectional embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), which reorder what surrounds them
 * in a mail or a page, the zero-width space U+200B and the byte order mark
 * U+FEFF. The left-to-right and right-to-left marks U+200E/U+200F are in it
 * too and are refused as well: a name needs no mark to be stored (a page or
 * a mail sets the direction around it), and an invisible mark makes two names
 * that look the same compare different.
 */

const JOINERS = new Set([0x200c, 0x200d])
const CONTROL = /\p{Cc}/u
const SEPARATOR = /[\p{Zl}\p{Zp}]/u
const LONE_SURROGATE = /\p{Cs}/u
const FORMAT = /\p{Cf}/gu

type PersonName =
  | { readonly ok: true; readonly name: string }
  | { readonly ok: false; readonly problem: string }

/**
 * The name to store for `text`, or what is wrong with it.
 *
 * @example
 * parsePersonName(' Le\u0301a ') // { ok: true, name: 'Léa' }
 * parsePersonName('Ana\u202Eevil') // { ok: false, problem: 'must not contain the invisible character U+202E' }
 */
export function parsePersonName(text: string): PersonName {
  if (LONE_SURROGATE.test(text)) return refuse('must be valid Unicode text')
  if (CONTROL.test(text)) return refuse('must not contain control characters or line breaks')
  if (SEPARATOR.test(text)) return refuse('must not contain line breaks')
  for (const match of text.matchAll(FORMAT)) {
    const codePoint = match[0].codePointAt(0) ?? 0
    if (!JOINERS.has(codePoint)) {
      return refuse(`must not contain the invisible character ${formatCodePoint(codePoint)}`)
    }
  }
  const name = text.trim().normalize('NFC')
  if (name === '') return refuse('must not be empty')
  return { ok: true, name }
}

function refuse(problem: string): PersonName {
  return { ok: false, problem }
}

/** `U+202E`, as the Unicode standard writes a code point. */
function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`
}
