/**
 * Registration ids a candidate can read out on the phone: twelve characters
 * from an alphabet without look-alikes (no 0/O, 1/I/L, U), in groups of four,
 * `K7QM-2X9P-4RTC`: about 59 bits of randomness.
 */
const SYMBOLS = '23456789ABCDEFGHJKMNPQRSTVWXYZ'
export const REGISTRATION_CODE_LENGTH = 12

/**
 * A code from random bytes (one per character, from the caller's source of
 * randomness). 256 mod 30 biases a character by under 0.5 %.
 */
export function formatRegistrationCode(random: Uint8Array): string {
  if (random.length < REGISTRATION_CODE_LENGTH)
    throw new Error('formatRegistrationCode needs 12 random bytes')
  let code = ''
  for (let i = 0; i < REGISTRATION_CODE_LENGTH; i++) {
    code += SYMBOLS[random[i]! % SYMBOLS.length]
    if (i % 4 === 3 && i < REGISTRATION_CODE_LENGTH - 1) code += '-'
  }
  return code
}

/** What a person typed (any case, spaces or dashes anywhere) as a canonical code; null when it cannot be one. */
export function parseRegistrationCode(text: string): string | null {
  const bare = text.toUpperCase().replace(/[\s-]/g, '')
  if (bare.length !== REGISTRATION_CODE_LENGTH) return null
  for (const symbol of bare) if (!SYMBOLS.includes(symbol)) return null
  return `${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}`
}
