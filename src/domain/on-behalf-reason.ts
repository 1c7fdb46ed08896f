import type { Channel } from './channel.js'
import { parsePersonName } from './person-name.js'

/** Long enough for a sentence or two, short enough to read out in a mail. */
export const ON_BEHALF_REASON_MAX_LENGTH = 500

/**
 * Staff acting for a candidate as a person (on a phone call, or at a page on
 * the web) say why: the candidate sees it beside their name. A staff token
 * acting through the API (an integration, a batch) may give one and need not.
 */
export function needsOnBehalfReason(role: string, channel: Channel): boolean {
  return (role === 'support' || role === 'admin') && channel !== 'api'
}

type OnBehalfReason =
  | { readonly ok: true; readonly reason: string }
  | { readonly ok: false; readonly problem: string }

/**
 * The reason to store for `text`, or what is wrong with it: one line of text
 * that can be stored and shown as typed, refused on the same characters a
 * person's name refuses (controls, line breaks, invisible formatting that
 * can disguise what is shown), trimmed, NFC, at most 500 characters.
 *
 * @example
 * parseOnBehalfReason(' Caller asked for the earliest seat ') // { ok: true, reason: 'Caller asked for the earliest seat' }
 */
export function parseOnBehalfReason(text: string): OnBehalfReason {
  const parsed = parsePersonName(text)
  if (!parsed.ok) return parsed
  const length = [...parsed.name].length
  if (length > ON_BEHALF_REASON_MAX_LENGTH) {
    return {
      ok: false,
      problem: `must be at most ${ON_BEHALF_REASON_MAX_LENGTH} characters; it has ${length}`,
    }
  }
  return { ok: true, reason: parsed.name }
}
