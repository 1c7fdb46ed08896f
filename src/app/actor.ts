import type { Channel } from '../domain/channel.js'
import type { Role } from '../domain/principal.js'

/** Who acts and how: the principal behind a request (`tokenId` holds its id: a token's or an account's), its role, and the channel (the API, a phone call taken by support, the web). */
export interface Actor {
  readonly tokenId: string
  readonly role: Role
  readonly channel: Channel
  /** The client's network address (through the proxies `TRUST_PROXY` names), where there is one. */
  readonly address?: string
}

/** Support staff and admins act on a candidate's behalf, and the candidate is told; a provider's booking site acts for the candidate. */
export function isOnBehalf(role: string): boolean {
  return role === 'support' || role === 'admin'
}

/** Who acts on a wave, for the audit trail and the codes' `issuedBy`. */
export interface WaveActor {
  readonly id: string
  readonly role: string
  readonly channel: string
}
