import type { AuditEntry } from '../../domain/audit-entry.js'
import { type ActedForFacts, asSentence, describeActedFor } from '../../mail/describe-acted-for.js'
import type { RegistrationView } from './registration-view.js'

/** A change in a registration's history, with what the candidate is told of it. */
export interface HistoryEntry extends AuditEntry {
  /**
   * When someone else made the change for the candidate: the sentence the
   * candidate reads, as their mail says it ("Registered for you by Maria
   * Lopez (support) by phone on …: …"; "Checked in through Pearson VUE on …").
   * Null for the candidate's own changes and examdesk's own jobs.
   */
  readonly summary: string | null
}

// Only changes a person or a provider makes; a hold that ran out is examdesk's own doing.
const VERBS: Readonly<Record<string, string>> = {
  registered: 'registered',
  rescheduled: 'rescheduled',
  cancelled: 'cancelled',
  paid: 'paid',
  'codes-applied': 'code applied',
  'hold-released': 'seat hold released',
  'checked-in': 'checked in',
  'no-show': 'no-show recorded',
  'result-recorded': 'result recorded',
}

/** Each entry of a registration's history with its sentence, on the candidate's clock (`timeZone`). */
export function describeHistory(
  entries: readonly AuditEntry[],
  view: RegistrationView,
  timeZone: string,
): HistoryEntry[] {
  return entries.map((entry) => {
    const verb = VERBS[entry.action]
    const clause = verb && describeActedFor(verb, actedForOf(entry, view), entry.at, timeZone)
    return { ...entry, summary: clause ? asSentence(clause) : null }
  })
}

function actedForOf(entry: AuditEntry, view: RegistrationView): ActedForFacts {
  const providerId = entry.actorProviderId ?? null
  return {
    role: entry.actorRole,
    channel: entry.channel,
    at: entry.at,
    displayName: entry.actorName ?? null,
    tokenLabel: entry.actorLabel ?? null,
    reason: entry.reason ?? null,
    // A bound provider token acts on its own provider's registrations.
    providerName:
      providerId === null || providerId === view.provider.id ? view.provider.name : providerId,
  }
}
