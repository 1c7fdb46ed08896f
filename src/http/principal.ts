/** The roles an API token can carry; the same set the `api_tokens.role` check allows. */
export const ROLES = ['admin', 'support', 'provider'] as const

export type Role = (typeof ROLES)[number]

/** Who is calling: the token that authenticated the request, its role, and the provider it acts for (null: none). */
export interface Principal {
  readonly tokenId: string
  readonly role: Role
  readonly providerId: string | null
}
