/**
 * The words a candidate is found by, and the words typed to find them, made
 * alike: accents and case do not matter (`Léa` is `lea`, `Łukasz` is
 * `lukasz`, `Søren` is `soren`), and anything that is not a letter or a digit
 * separates words (`O'Brien` is `o brien`, `ana.garcia` is `ana garcia`).
 */

/** Letters that carry their accent in the letter itself, so that NFKD leaves them whole. */
const FOLDED: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
}
const FOLDABLE = new RegExp(`[${Object.keys(FOLDED).join('')}]`, 'gu')
const MARKS = /\p{M}/gu
const SEPARATORS = /[^\p{L}\p{N}]+/u

/**
 * The words of a text as search compares them: decomposed (NFKD), combining
 * marks removed, lower-cased, the letters above spelled without their stroke,
 * split on everything that is not a letter or a digit.
 *
 * @example
 * computeSearchWords('Zoë  O’Brien-Łukasz') // ['zoe', 'o', 'brien', 'lukasz']
 */
export function computeSearchWords(text: string): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(FOLDABLE, (letter) => FOLDED[letter]!)
  return plain.split(SEPARATORS).filter((word) => word !== '')
}

/** What of a candidate the search terms are made from. */
export interface SearchableCandidate {
  readonly firstName: string
  readonly lastName: string
  readonly email: string
}

/**
 * The terms a candidate is found by: every word of the first name, the last
 * name and the email's local part (the part before `@`), each once.
 */
export function computeSearchTerms(candidate: SearchableCandidate): string[] {
  const at = candidate.email.lastIndexOf('@')
  const local = at < 0 ? candidate.email : candidate.email.slice(0, at)
  return [
    ...new Set([
      ...computeSearchWords(candidate.firstName),
      ...computeSearchWords(candidate.lastName),
      ...computeSearchWords(local),
    ]),
  ]
}

/** How a candidate's name sorts among others found by the same word: by last name, then first name. */
export function computeNameKey(candidate: Pick<SearchableCandidate, 'firstName' | 'lastName'>) {
  return computeSearchWords(`${candidate.lastName} ${candidate.firstName}`).join(' ')
}

/**
 * The first text after every text that starts with `word`, in code point
 * order (which is UTF-8 byte order, as both databases compare the terms):
 * `term >= word and term < end` holds exactly the terms `word` is a prefix
 * of. Null when no such text exists (the word ends with the last code point).
 *
 * @example
 * computePrefixEnd('mar') // 'mas'
 */
export function computePrefixEnd(word: string): string | null {
  const points = [...word]
  while (points.length > 0) {
    const last = points.pop()!.codePointAt(0)!
    let next = last + 1
    // A lone surrogate is no character: skip past the surrogate block.
    if (next >= 0xd800 && next <= 0xdfff) next = 0xe000
    if (next <= 0x10ffff) return points.join('') + String.fromCodePoint(next)
  }
  return null
}

/** Code point order (UTF-8 byte order), as both databases compare terms; JavaScript's `<` orders UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const diff = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!
    if (diff !== 0) return diff
  }
  return x.length - y.length
}

/**
 * All of a candidate's terms in one text, in code point order, each between
 * spaces: ` garcia garcia7 maria `. A search checks the other typed words
 * against it on the row it reads (`like '% gar%'`) instead of looking each
 * up, and that a term is the candidate's first one a typed word starts
 * (the first ` mar` in it is that term's), so that a candidate is listed once.
 */
export function computeWordList(terms: readonly string[]): string {
  return ` ${[...terms].sort(compareCodePoints).join(' ')} `
}
