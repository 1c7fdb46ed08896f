import type { AuditEntry } from '../../domain/audit-entry.js'
import { type ActedForFacts, asSentence, describeActedFor } from '../../mail/describe-acted-for.js'
import type { RegistrationView } from './registration-view.js'

/** A change in a record's history, with what the candidate is told of it. */
export interface HistoryEntry extends AuditEntry {
  /**
   * When someone else made the change for the candidate: the sentence the
   * candidate reads, as their mail says it ("Registered for you by Maria
   * Lopez (support) by phone on …: …"; "Checked in through Pearson VUE on …").
   * Null for the candidate's own changes and examdesk's own jobs.
   */
  readonly summary: string | null
}

/** What the candidate is told of each action, by its name in the trail (`registered for you by …`). */
export type HistoryVerbs = Readonly<Record<string, string>>

// Only changes a person or a provider makes; a hold that ran out is examdesk's own doing.
export const REGISTRATION_VERBS: HistoryVerbs = {
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

/**
 * Each entry of a record's history with its sentence, for the actions
 * `verbs` names, on the candidate's clock (`timeZone`). A provider's token
 * is named by `provider`'s name: the record's provider, the one a bound
 * token acts for.
 */
export function describeHistory(
  entries: readonly AuditEntry[],
  told: {
    readonly verbs: HistoryVerbs
    readonly timeZone: string
    readonly provider: RegistrationView['provider'] | null
  },
): HistoryEntry[] {
  return entries.map((entry) => {
    const verb = told.verbs[entry.action]
    const clause =
      verb && describeActedFor(verb, actedForOf(entry, told.provider), entry.at, told.timeZone)
    return { ...entry, summary: clause ? asSentence(clause) : null }
  })
}

function actedForOf(
  entry: AuditEntry,
  provider: RegistrationView['provider'] | null,
): ActedForFacts {
  const providerId = entry.actorProviderId ?? null
  return {
    role: entry.actorRole,
    channel: entry.channel,
    at: entry.at,
    displayName: entry.actorName ?? null,
    tokenLabel: entry.actorLabel ?? null,
    reason: entry.reason ?? null,
    // A bound provider token acts on its own provider's records; without the record's provider the token's label names it.
    providerName:
      provider === null
        ? null
        : providerId === null || providerId === provider.id
          ? provider.name
          : providerId,
  }
}
