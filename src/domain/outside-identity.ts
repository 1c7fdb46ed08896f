import type { AccountRole } from './account.js'
import type { Instant } from './instant.js'

/**
 * An identity at an OpenID Connect issuer (issuer + subject), linked to one
 * account by an explicit step of that account's signed-in holder. The email
 * an issuer asserts is never used to find an account: an issuer may give an
 * address to a new person once its first holder has left, and that person
 * would then sign in as the first.
 */
export interface OutsideIdentity {
  readonly id: string
  readonly issuer: string
  readonly subject: string
  readonly accountId: string
  readonly linkedAt: Instant
  readonly lastUsedAt: Instant | null
}

/** How an operator switched OpenID Connect on: the issuer, this server's client at it, and who may use it. */
export interface OidcSettings {
  /** The issuer's identifier, as its discovery document states it (`https://login.example.org/realms/staff`). */
  readonly issuer: string
  readonly clientId: string
  /** Sent to the issuer's token endpoint only; never logged or shown. */
  readonly clientSecret: string
  /** The account roles that may sign in this way and link an identity: staff unless the programme says so. */
  readonly roles: readonly AccountRole[]
}

/** The roles that may use OpenID Connect unless told otherwise. */
export const DEFAULT_OIDC_ROLES: readonly AccountRole[] = ['support', 'admin']

/** How long a started sign-in or link waits for the issuer's answer. */
export const OIDC_FLOW_LIFETIME_MS = 10 * 60_000

/** Why a started flow: signing in, or linking an identity to the account that started it. */
export type OidcFlowMode = 'sign-in' | 'link'

/** A flow started and not yet finished; its secrets are the data layer's. */
export interface OidcFlowState {
  readonly expiresAt: Instant
  readonly spentAt: Instant | null
}

/** Whether a started flow can still be finished at `now`: once, within its lifetime. */
export function isOidcFlowLive(flow: OidcFlowState, now: Instant): boolean {
  return flow.spentAt === null && now < flow.expiresAt
}

export function mayUseOidc(role: AccountRole, settings: Pick<OidcSettings, 'roles'>): boolean {
  return settings.roles.includes(role)
}
