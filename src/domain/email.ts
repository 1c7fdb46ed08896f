/**
 * One mailbox as RFC 5321 writes it, `local-part@domain`, and nothing else:
 * no display name, no angle brackets, no list, no comment, no whitespace.
 * A mail library reads `x,spy@evil.example` as two recipients and sends to
 * the second; an address is stored only when it is exactly where mail goes.
 *
 * Accepted, conservatively:
 * - the local part as a dot-atom (letters, digits and ``!#$%&'*+-/=?^_`{|}~``,
 *   dots between them), at most 64 characters; quoted local parts are refused;
 * - the domain as host names: two or more labels of letters, digits and
 *   hyphens (not at a label's ends), each at most 63 characters, the last not
 *   all digits; IP literals (`[192.0.2.1]`) are refused;
 * - ASCII only: an internationalised address (RFC 6531) is refused, since
 *   not every mail server on the way takes one.
 */

const ATEXT = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~]+"
const LOCAL_PART = new RegExp(`^${ATEXT}(\\.${ATEXT})*$`)
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/
const ALL_DIGITS = /^[0-9]+$/

const MAX_LOCAL_PART = 64
/** RFC 5321's path limit of 256 octets, less the angle brackets. */
const MAX_ADDRESS = 254

/**
 * The address in `text` (outer whitespace trimmed, the domain lower-cased),
 * or null when it is not exactly one mailbox.
 *
 * @example
 * parseEmail(' Ana@Example.COM ') // 'Ana@example.com'
 * parseEmail('x,spy@evil.example') // null
 */
export function parseEmail(text: string): string | null {
  const address = text.trim()
  if (address.length > MAX_ADDRESS) return null
  const at = address.lastIndexOf('@')
  if (at === -1) return null
  const local = address.slice(0, at)
  const domain = address.slice(at + 1).toLowerCase()
  if (local.length > MAX_LOCAL_PART || !LOCAL_PART.test(local)) return null
  const labels = domain.split('.')
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null
  if (ALL_DIGITS.test(labels[labels.length - 1] ?? '')) return null
  return `${local}@${domain}`
}
