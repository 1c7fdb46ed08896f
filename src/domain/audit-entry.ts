import type { Instant } from './instant.js'

/** One line of the append-only trail: who did what, how, to whose record, when. */
export interface AuditEntry {
  readonly id: string
  readonly at: Instant
  readonly actorId: string
  readonly actorRole: string
  readonly channel: string
  readonly candidateId: string | null
  readonly subjectType: string
  readonly subjectId: string
  readonly action: string
  readonly detail: Readonly<Record<string, unknown>>
}
