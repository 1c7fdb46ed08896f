import type { Channel } from './channel.js'

/**
 * Who made a change to a candidate's records, as the records keep it and the
 * candidate is told it: the caller's principal with the person named (or,
 * for a machine client, its token's label), the provider a provider's token
 * acts for, the channel the change came by, and the reason staff gave for
 * acting on the candidate's behalf.
 */
export interface ActedBy {
  /** The principal's id: a token's or an account's. */
  readonly principalId: string
  readonly role: string
  /** The person's account; null for a machine client and the console. */
  readonly accountId: string | null
  /** The person, by the name others are told; null where no person is known. */
  readonly displayName: string | null
  /** A machine client's token label (the console's account at the CLI): who acted when no person is named. */
  readonly tokenLabel: string | null
  /** The provider a provider's token acts for. */
  readonly providerId: string | null
  readonly channel: Channel
  /** Why staff acted for the candidate; null when none was asked for or given. */
  readonly reason: string | null
}

/** Support staff and admins act on a candidate's behalf, and the candidate is told; a provider's booking site acts for the candidate. */
export function isOnBehalf(role: string): boolean {
  return role === 'support' || role === 'admin'
}

/** No one named: a record kept before people were named, or a job of examdesk's own. */
export const UNNAMED = {
  accountId: null,
  displayName: null,
  tokenLabel: null,
  providerId: null,
  reason: null,
} as const satisfies Partial<ActedBy>
