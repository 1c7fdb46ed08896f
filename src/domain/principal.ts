import type { Instant } from './instant.js'

/**
 * The roles a caller can hold. Machine clients hold admin, support or provider
 * through a bearer token; people hold candidate, support or admin through an
 * account and its session.
 */
export const ROLES = ['admin', 'support', 'provider', 'candidate'] as const

export type Role = (typeof ROLES)[number]

/** The roles a bearer token can carry: a candidate signs in as a person, never with a token. */
export const TOKEN_ROLES = ['admin', 'support', 'provider'] as const

export type TokenRole = (typeof TOKEN_ROLES)[number]

/**
 * Who is calling, whichever way they proved it: every use case and the
 * access policy see this one shape, for a token and for a signed-in person.
 */
export interface Principal {
  /** Stable for the caller: the token's id or the account's id. Idempotency keys and throttles are counted per principal. */
  readonly id: string
  readonly role: Role
  /** The bearer token behind the request; null for a person's session. */
  readonly tokenId: string | null
  /** The person's account; null for a machine client. */
  readonly accountId: string | null
  /** The session the request came with; null for a bearer token. */
  readonly sessionId: string | null
  /**
   * When the person signed in to that session (its start: every sign-in
   * makes a new one); null where there is no session. Sensitive changes to
   * an account need a recent one (`recent-sign-in.ts`).
   */
  readonly signedInAt: Instant | null
  /** The person's name as others are told it ("registered for you by …"); null for a machine client. */
  readonly displayName: string | null
  /** The label of the token behind the request: who acted when no person is named. Null for a person's session. */
  readonly tokenLabel: string | null
  /** The provider a provider's token acts for; null for every other caller and for provider tokens made before tokens were bound. */
  readonly providerId: string | null
  /** The candidate record a candidate's account is linked to; null for every other caller. */
  readonly candidateId: string | null
}

/** The principal a machine client's token stands for. */
export function tokenPrincipal(token: {
  readonly id: string
  readonly role: TokenRole
  readonly providerId: string | null
  readonly label?: string
}): Principal {
  return {
    id: token.id,
    role: token.role,
    tokenId: token.id,
    accountId: null,
    sessionId: null,
    signedInAt: null,
    displayName: null,
    tokenLabel: token.label ?? null,
    providerId: token.providerId,
    candidateId: null,
  }
}
