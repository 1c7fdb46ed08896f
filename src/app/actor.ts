import type { Channel } from '../domain/channel.js'
import type { Principal, Role } from '../domain/principal.js'

/** Who acts and how: the principal behind a request (`tokenId` holds its id: a token's or an account's), its role, and the channel (the API, a phone call taken by support, the web). */
export interface Actor {
  readonly tokenId: string
  readonly role: Role
  readonly channel: Channel
  /** The client's network address (through the proxies `TRUST_PROXY` names), where there is one. */
  readonly address?: string
  /** Who the access policy judges: which candidates, registrations and slots the command may reach. */
  readonly principal: Principal
}

/**
 * The principal of examdesk's own work and of the operator's console (jobs,
 * the CLI, a wave's self-check): staff, from whom no object is hidden. The
 * console runs where the database is, so whoever runs it has it all anyway.
 */
export function operatorPrincipal(id: string, role: 'admin' | 'support' = 'admin'): Principal {
  return {
    id,
    role,
    tokenId: null,
    accountId: null,
    sessionId: null,
    displayName: null,
    providerId: null,
    candidateId: null,
  }
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
