import { createHash } from 'node:crypto'

/**
 * What names a code where the code itself must not stand (a mail's dedupe
 * key and Message-ID): the first 128 bits of SHA-256 over a label and the
 * canonical code, in hex. The same code always gives the same fingerprint,
 * on every process and after a restart, so a voucher mail queued twice is
 * still one mail.
 *
 * No secret key: a keyed hash guards values an attacker could list and
 * hash one by one, and a code carries about 84 random bits, so there is no
 * list to try; a key would only add a setting whose loss or change breaks
 * the dedupe of every stored mail. 128 bits keep two codes from sharing a
 * key (one voucher mail silently dropped) beyond any count of codes.
 * Migration `0017-code-secrecy` rewrote stored keys with a frozen copy of
 * this; change one and the other must follow.
 */
export function computeCodeFingerprint(canonicalCode: string): string {
  return createHash('sha256')
    .update(`examdesk voucher code\0${canonicalCode}`)
    .digest('hex')
    .slice(0, 32)
}
