import { randomFillSync } from 'node:crypto'
import { formatRegistrationCode, REGISTRATION_CODE_LENGTH } from '../domain/registration-code.js'

// Random bytes are taken from a pool filled 4 KB at a time: each call into
// OpenSSL for a few bytes costs several microseconds, and every booking
// draws an id.
const POOL_SIZE = 4096
const pool = Buffer.allocUnsafe(POOL_SIZE)
let used = POOL_SIZE

/**
 * Draws an id to be read aloud on the phone (a registration's, an exception
 * request's): twelve characters of the registration code's alphabet, about
 * 59 random bits.
 */
export function drawReadableId(): string {
  if (used + REGISTRATION_CODE_LENGTH > POOL_SIZE) {
    randomFillSync(pool)
    used = 0
  }
  const id = formatRegistrationCode(pool.subarray(used, used + REGISTRATION_CODE_LENGTH))
  used += REGISTRATION_CODE_LENGTH
  return id
}
