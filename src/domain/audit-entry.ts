import type { Instant } from './instant.js'

/** One line of the append-only trail: who did what, how, to whose record, when. */
export interface AuditEntry {
  readonly id: string
  readonly at: Instant
  /** The principal that acted: a token's or an account's id, or examdesk's own job. */
  readonly actorId: string
  readonly actorRole: string
  readonly channel: string
  /** The person's account, display name, the token's label and the provider a token acts for; null where not known (entries kept before people were named). */
  readonly actorAccountId?: string | null
  readonly actorName?: string | null
  readonly actorLabel?: string | null
  readonly actorProviderId?: string | null
  /** Why staff acted for the candidate, as they said it. */
  readonly reason?: string | null
  readonly candidateId: string | null
  readonly subjectType: string
  readonly subjectId: string
  readonly action: string
  readonly detail: Readonly<Record<string, unknown>>
}
