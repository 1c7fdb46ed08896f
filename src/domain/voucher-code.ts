/**
 * Voucher codes a candidate can read aloud and type from a mail: eighteen
 * characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown in
 * groups of six, `N95RXK-VNF7BN-8VUGYP`. Seventeen characters carry about 84
 * bits of randomness, so guessing is hopeless even before throttling; the
 * eighteenth is a check character, so a typing mistake is named as one and
 * need not count as a wrong guess.
 */
export const VOUCHER_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const VOUCHER_CODE_LENGTH = 18

const BASE = VOUCHER_CODE_ALPHABET.length
const DATA_LENGTH = VOUCHER_CODE_LENGTH - 1
const DATA_SPACE = BigInt(BASE) ** BigInt(DATA_LENGTH)
const MIN_BYTES = 16
const GROUP = 6
const INDEX = new Map([...VOUCHER_CODE_ALPHABET].map((symbol, index) => [symbol, index]))
const CANONICAL = new RegExp(`^[${VOUCHER_CODE_ALPHABET}]{${VOUCHER_CODE_LENGTH}}$`)

/** Randomness in one code: 17 · log2(31) ≈ 84.2 bits. */
export const VOUCHER_CODE_BITS = DATA_LENGTH * Math.log2(BASE)

/**
 * A canonical code (18 characters, no dashes) from the caller's random bytes,
 * at least 16 of them.
 */
export function voucherCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < MIN_BYTES)
    throw new RangeError(
      `a voucher code needs at least ${MIN_BYTES} random bytes, got ${bytes.length}`,
    )
  let value = 0n
  for (const byte of bytes) value = (value << 8n) | BigInt(byte)
  // 2^128 is not a multiple of 31^17, so some codes have one more preimage
  // than others: the codes are off uniform by at most 31^17 / 2^128 < 2^-43,
  // and by less still when more bytes come in.
  value %= DATA_SPACE
  const digits = new Array<number>(DATA_LENGTH)
  for (let i = DATA_LENGTH - 1; i >= 0; i--) {
    digits[i] = Number(value % BigInt(BASE))
    value /= BigInt(BASE)
  }
  digits.push(checkDigit(digits))
  return digits.map((digit) => VOUCHER_CODE_ALPHABET[digit]).join('')
}

/**
 * The check character: Luhn mod N over the character indices, N = 31, in its
 * odd-N form. Counting from the check character leftwards, every second
 * character is doubled. Textbook Luhn folds a doubled value by adding its two
 * base-N digits, which only permutes the characters when N is even: with 31
 * it sends `3` and `J` (and 14 more pairs) to the same value, so swapping one
 * for the other would pass, and it misses the adjacent swap `2Z` ↔ `Z2`.
 * Reducing the doubled value mod 31 instead keeps doubling a permutation,
 * because 31 is odd: the check then catches every single-character
 * substitution and every adjacent transposition of two different characters,
 * the check character included (2a + b ≡ 2b + a mod 31 only when a = b). It
 * misses transpositions across one character (`ABC` ↔ `CBA`), whose two
 * positions carry the same weight.
 */
function checkDigit(data: readonly number[]): number {
  let sum = 0
  for (let i = 0; i < data.length; i++) {
    const doubled = (data.length - 1 - i) % 2 === 0
    sum += doubled ? (2 * data[i]!) % BASE : data[i]!
  }
  return (BASE - (sum % BASE)) % BASE
}

export type VoucherCodeProblem = 'length' | 'character' | 'check'

export type ParsedVoucherCode =
  | { readonly ok: true; readonly code: string }
  | {
      readonly ok: false
      readonly problem: VoucherCodeProblem
      /** What to tell the candidate. */
      readonly sentence: string
      /** The character as typed, for `character`. */
      readonly character?: string
      /** 1-based, in the code without spaces and dashes, for `character`. */
      readonly position?: number
    }

/** Spaces, tabs, and every dash a mail program or a keyboard may produce. */
const IGNORED = /[\s\-\u2010-\u2015\u2212]/gu

/** Names for the characters a candidate is likely to type for a look-alike. */
const LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  ['0', 'the digit 0'],
  ['1', 'the digit 1'],
  ['O', 'the letter O'],
  ['I', 'the letter I'],
  ['L', 'the letter L'],
])

/**
 * What a candidate typed (any case; spaces and dashes anywhere) as a
 * canonical code, or the first problem with it, in the order a candidate can
 * fix them: the length, then a character that is never used, then the check.
 */
export function parseVoucherCode(input: string): ParsedVoucherCode {
  // NFKC turns full-width letters from an Asian keyboard into ASCII ones.
  const typed = [...input.normalize('NFKC').replace(IGNORED, '')]
  if (typed.length !== VOUCHER_CODE_LENGTH) {
    return {
      ok: false,
      problem: 'length',
      sentence:
        typed.length === 0
          ? `Please type the voucher code from your mail: it has ${VOUCHER_CODE_LENGTH} characters.`
          : `Voucher codes have ${VOUCHER_CODE_LENGTH} characters; this one has ${typed.length}.`,
    }
  }
  const digits: number[] = []
  for (const [i, character] of typed.entries()) {
    const upper = character.toUpperCase()
    const digit = INDEX.get(upper)
    if (digit === undefined) {
      const position = i + 1
      const named = LOOK_ALIKES.get(upper)
      return {
        ok: false,
        problem: 'character',
        sentence: named
          ? `Voucher codes never use ${named}: check the character at position ${position}.`
          : `Voucher codes use only letters and digits: check the character at position ${position}.`,
        character,
        position,
      }
    }
    digits.push(digit)
  }
  if (checkDigit(digits.slice(0, DATA_LENGTH)) !== digits[DATA_LENGTH]) {
    return {
      ok: false,
      problem: 'check',
      sentence: 'This code has a typing mistake: please check it against your mail.',
    }
  }
  return { ok: true, code: digits.map((digit) => VOUCHER_CODE_ALPHABET[digit]).join('') }
}

/** A canonical code as shown to candidates: `N95RXK-VNF7BN-8VUGYP`. */
export function formatVoucherCode(canonical: string): string {
  if (!CANONICAL.test(canonical)) throw new RangeError(`not a canonical voucher code: ${canonical}`)
  return `${canonical.slice(0, GROUP)}-${canonical.slice(GROUP, 2 * GROUP)}-${canonical.slice(2 * GROUP)}`
}
