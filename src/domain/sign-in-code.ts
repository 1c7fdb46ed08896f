/**
 * The short code of a sign-in mail, for a person to type: 8 characters from
 * an alphabet without look-alikes (no 0/O, 1/I/L), shown as `XXXX-XXXX` and
 * read back whatever the case, dashes and spaces. 31⁸ ≈ 8.5·10¹¹ codes; a
 * request dies after 5 wrong ones and lives 15 minutes.
 */
export const SIGN_IN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

export const SIGN_IN_CODE_LENGTH = 8

/** The largest multiple of the alphabet's size below 256: bytes from it up are skipped, so every symbol is equally likely. */
const UNBIASED_LIMIT = 256 - (256 % SIGN_IN_CODE_ALPHABET.length)

/**
 * A code drawn from random bytes (the caller's randomness), or null when
 * too few of them were usable; bytes that would favour some symbols are skipped.
 *
 * @example
 * signInCodeFrom(crypto.randomBytes(16)) // 'K7QMZ4RT'
 */
export function signInCodeFrom(bytes: Iterable<number>): string | null {
  let code = ''
  for (const byte of bytes) {
    if (byte >= UNBIASED_LIMIT) continue
    code += SIGN_IN_CODE_ALPHABET[byte % SIGN_IN_CODE_ALPHABET.length]
    if (code.length === SIGN_IN_CODE_LENGTH) return code
  }
  return null
}

/** A code as a mail shows it: `K7QM-Z4RT`. */
export function formatSignInCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/**
 * A typed code as stored: upper case, without dashes or spaces; null when
 * it cannot be a code at all (wrong length, a character not in the alphabet).
 *
 * @example
 * normalizeSignInCode(' k7qm-z4rt ') // 'K7QMZ4RT'
 */
export function normalizeSignInCode(text: string): string | null {
  const code = text.toUpperCase().replace(/[\s-]/g, '')
  if (code.length !== SIGN_IN_CODE_LENGTH) return null
  for (const symbol of code) if (!SIGN_IN_CODE_ALPHABET.includes(symbol)) return null
  return code
}
