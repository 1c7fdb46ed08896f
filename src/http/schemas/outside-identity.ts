import { Type } from 'typebox'
import type { OutsideIdentity } from '../../domain/outside-identity.js'
import { InstantText, toInstantOut } from './instant.js'
import { Nullable } from './nullable.js'

export const OutsideIdentityOut = Type.Object({
  id: Type.String(),
  issuer: Type.String({ description: "The OpenID Connect issuer's identifier" }),
  subject: Type.String({ description: 'Who the person is at the issuer (its `sub` claim)' }),
  linkedAt: InstantText,
  lastUsedAt: Nullable(Type.String({ description: 'The last sign-in with it; null: none yet' })),
})

export const OidcStartedOut = Type.Object({
  authorizationUrl: Type.String({
    description:
      "Open this address in the browser that sent the request: the identity provider's sign-in, which comes back to /sign-in/oidc/callback",
  }),
})

export function toOutsideIdentityOut(identity: OutsideIdentity) {
  return {
    id: identity.id,
    issuer: identity.issuer,
    subject: identity.subject,
    linkedAt: toInstantOut(identity.linkedAt),
    lastUsedAt: identity.lastUsedAt === null ? null : toInstantOut(identity.lastUsedAt),
  }
}
