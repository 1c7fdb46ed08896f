import { isOnBehalf } from '../domain/acted-by.js'
import type { Instant } from '../domain/instant.js'
import { formatMailTime } from './format-mail-time.js'

/**
 * Who made a change for the candidate, as the candidate is told it: plain
 * JSON, kept with a mail's facts. Names are absent from facts stored before
 * people were named; then the role alone is said, as it was.
 */
export interface ActedForFacts {
  readonly role: string
  readonly channel: string
  /** When; the mail's own instant when absent. */
  readonly at?: Instant
  /** The person who acted, by the name they are known by. */
  readonly displayName?: string | null
  /** The token (or console account) that acted when no person is named. */
  readonly tokenLabel?: string | null
  /** Why staff acted for the candidate. */
  readonly reason?: string | null
  /** For a provider's token: the provider's name ("through Pearson VUE"). */
  readonly providerName?: string | null
}

const ROLES: Readonly<Record<string, string>> = { support: 'support', admin: 'administrator' }
const UNNAMED: Readonly<Record<string, string>> = {
  support: 'a support agent',
  admin: 'a programme administrator',
}
const CHANNELS: Readonly<Record<string, string>> = {
  phone: 'by phone',
  email: 'by email',
  chat: 'by chat',
  'in-person': 'in person',
  web: 'on the web',
  api: 'through an integration',
}

/**
 * The words after "This was …" for a change someone else made for the
 * candidate, or null when the candidate made it themselves:
 * `registered for you by Maria Lopez (support) by phone on Sunday 15 March
 * 2026, 05:00 (America/Los_Angeles, UTC-07:00): the caller asked for …`,
 * `registered for you by “Helpdesk bridge” (support) through an integration on …`
 * (a staff token names its label, in quotes: it is not a person), or
 * `registered through Pearson VUE on …` for a provider's booking system.
 * The time is on the candidate's clock, the zone named.
 */
export function describeActedFor(
  verb: string,
  acted: ActedForFacts,
  fallbackAt: Instant,
  timeZone: string,
): string | null {
  const when = formatMailTime(acted.at ?? fallbackAt, timeZone)
  if (acted.role === 'provider') {
    const through =
      acted.providerName ??
      (acted.tokenLabel ? `the provider system “${acted.tokenLabel}”` : 'your test-centre provider')
    return `${verb} through ${through} on ${when}`
  }
  if (!isOnBehalf(acted.role)) return null
  const role = ROLES[acted.role] ?? acted.role
  const who = acted.displayName
    ? `${acted.displayName} (${role})`
    : acted.tokenLabel
      ? `“${acted.tokenLabel}” (${role})`
      : (UNNAMED[acted.role] ?? 'a member of the programme staff')
  const channel = CHANNELS[acted.channel]
  const reason = acted.reason ? `: ${acted.reason}` : ''
  return `${verb} for you by ${who}${channel ? ` ${channel}` : ''} on ${when}${reason}`
}

/** A clause as a sentence of its own: capitalised, with one full stop. */
export function asSentence(clause: string, prefix = ''): string {
  const text = `${prefix}${clause}`
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1)
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`
}
