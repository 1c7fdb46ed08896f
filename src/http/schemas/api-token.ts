import { Type } from 'typebox'
import { type ApiToken, MAX_TOKEN_DAYS, tokenState } from '../../domain/api-token.js'
import type { Instant } from '../../domain/instant.js'
import { TOKEN_ROLES } from '../../domain/principal.js'
import { InstantText, toInstantOut } from './instant.js'
import { Nullable } from './nullable.js'

/** An instant as RFC 3339 text, said what it is. */
function instantText(description: string) {
  return Type.String({ maxLength: 64, examples: ['2027-06-15T12:00:00Z'], description })
}

export const CreateTokenBody = Type.Object(
  {
    role: Type.Enum([...TOKEN_ROLES]),
    label: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'What the token is for, to know it again in the list',
      examples: ['Prometric booking site'],
    }),
    provider: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        description:
          'The provider a provider token acts for: required for that role, refused for the others',
        examples: ['prometric'],
      }),
    ),
    expiresAt: Type.Optional(
      instantText(
        'When the token stops working (RFC 3339); or give expiresInDays; neither: a year',
      ),
    ),
    expiresInDays: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_TOKEN_DAYS,
        description: 'How many days the token works; or give expiresAt; neither: 365',
      }),
    ),
  },
  { additionalProperties: false },
)

const tokenFields = {
  id: Type.String(),
  role: Type.Enum([...TOKEN_ROLES]),
  label: Type.String(),
  provider: Nullable(
    Type.String({
      description:
        'The provider it acts for; null for admin and support tokens, and for provider tokens made before tokens were bound to a provider',
    }),
  ),
  createdAt: InstantText,
  expiresAt: Nullable(instantText('Refused from then on; null: never')),
  lastUsedAt: Nullable(
    instantText(
      'When it was last used, up to a minute early (it is recorded once a minute); null: not yet',
    ),
  ),
  revokedAt: Nullable(InstantText),
  state: Type.Enum(['active', 'expired', 'revoked'], {
    description: 'Whether it works now; a revoked token may work on a server for 10 s more',
  }),
}

/** A token as listed: never its secret or the secret's hash. */
export const TokenOut = Type.Object(tokenFields)

/** A token just made, with its secret, shown this once. */
export const CreatedTokenOut = Type.Object({
  ...tokenFields,
  secret: Type.String({
    description: 'Send as "Authorization: Bearer <secret>"; it is not kept and not shown again',
  }),
})

const instantOrNull = (at: Instant | null) => (at === null ? null : toInstantOut(at))

export function toTokenOut(token: ApiToken, now: Instant) {
  return {
    id: token.id,
    role: token.role,
    label: token.label,
    provider: token.providerId,
    createdAt: toInstantOut(token.createdAt),
    expiresAt: instantOrNull(token.expiresAt),
    lastUsedAt: instantOrNull(token.lastUsedAt),
    revokedAt: instantOrNull(token.revokedAt),
    state: tokenState(token, now),
  }
}
