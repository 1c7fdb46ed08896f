/** Characters that may stand in the left part of a Message-ID as they are (RFC 5322 atext, less `%`). */
const ATEXT = /[A-Za-z0-9!#$&'*+\-/=?^_`{|}~]/

/**
 * The Message-ID of the mail with this dedupe key: the same key always gives
 * the same id, so a mail sent again after a crash between sending and
 * recording it carries the id of the first copy and a receiver can drop it.
 * Characters a Message-ID may not hold (`:`, `.`, spaces, …) are
 * percent-escaped, which keeps distinct keys distinct.
 *
 * @example
 * computeMessageId('registration-confirmed:K7QX-M2PD:1') // '<registration-confirmed%3AK7QX-M2PD%3A1@examdesk>'
 */
export function computeMessageId(dedupeKey: string): string {
  let left = ''
  for (const char of dedupeKey) {
    left += ATEXT.test(char)
      ? char
      : [...Buffer.from(char, 'utf8')]
          .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
          .join('')
  }
  return `<${left}@examdesk>`
}
