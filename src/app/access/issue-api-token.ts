import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { insertToken } from '../../db/access/api-tokens.js'
import { findProvider } from '../../db/catalogue/providers.js'
import type { DB } from '../../db/engine/schema.js'
import {
  type ApiToken,
  decideTokenProvider,
  MAX_TOKEN_DAYS,
  tokenExpiry,
} from '../../domain/api-token.js'
import { formatInstant, type Instant } from '../../domain/instant.js'
import type { TokenRole } from '../../domain/principal.js'
import type { Actor } from '../actor.js'
import { auditAction } from '../audit-action.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { requireInstant } from '../input-fields.js'
import { runCommand } from '../run-command.js'
import { hashToken, newTokenSecret } from './api-tokens.js'

export interface IssueTokenInput {
  readonly role: TokenRole
  readonly label: string
  /** The provider a provider's token acts for; required for that role, refused for the others. */
  readonly provider?: string
  /** RFC 3339; or `expiresInDays`; neither: a year from now. */
  readonly expiresAt?: string
  readonly expiresInDays?: number
}

/** A token just made, with its secret: the only time the secret is shown. */
export interface IssuedToken {
  readonly token: ApiToken
  readonly secret: string
}

/**
 * Makes a machine client's token: bound to its provider when it acts for
 * one, living until the expiry asked for (a year unless told). Only the
 * secret's hash is stored, and the audit trail names the token, never its secret.
 */
export async function issueApiToken(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  actor: Actor,
  input: IssueTokenInput,
): Promise<IssuedToken> {
  const now = deps.clock.now()
  const expiresAt = tokenExpiry(now, readExpiry(input, now))
  switch (decideTokenProvider(input.role, input.provider)) {
    case 'provider-required':
      throw new AppError('TOKEN_PROVIDER_REQUIRED', { field: 'provider', role: input.role })
    case 'provider-not-allowed':
      throw new AppError('TOKEN_PROVIDER_NOT_ALLOWED', { field: 'provider', role: input.role })
  }
  const secret = newTokenSecret()
  const token: ApiToken = {
    id: uuidv7(),
    role: input.role,
    label: input.label,
    providerId: input.provider ?? null,
    createdAt: now,
    expiresAt,
    lastUsedAt: null,
    revokedAt: null,
  }
  await runCommand(deps, {}, async (trx) => {
    if (token.providerId !== null && (await findProvider(trx, token.providerId)) === null)
      throw new AppError('PROVIDER_UNKNOWN', { field: 'provider', provider: token.providerId })
    await insertToken(trx, { ...token, tokenHash: hashToken(secret) })
    await auditAction(trx, actor, now, {
      candidateId: null,
      subjectType: 'api-token',
      subjectId: token.id,
      action: 'token-created',
      detail: {
        role: token.role,
        label: token.label,
        providerId: token.providerId,
        expiresAt: formatInstant(expiresAt),
      },
    })
  })
  return { token, secret }
}

function readExpiry(
  input: IssueTokenInput,
  now: Instant,
): { readonly expiresAt?: Instant; readonly expiresInDays?: number } {
  if (input.expiresAt !== undefined && input.expiresInDays !== undefined)
    throw new AppError('TOKEN_EXPIRY_INVALID', {
      field: 'expiresAt',
      problem: 'give expiresAt or expiresInDays, not both',
    })
  if (input.expiresInDays !== undefined) {
    const days = input.expiresInDays
    if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS)
      throw new AppError('TOKEN_EXPIRY_INVALID', {
        field: 'expiresInDays',
        problem: `expiresInDays must be whole days from 1 to ${MAX_TOKEN_DAYS}`,
      })
    return { expiresInDays: days }
  }
  if (input.expiresAt !== undefined) {
    const at = requireInstant(input.expiresAt, 'expiresAt')
    if (at <= now)
      throw new AppError('TOKEN_EXPIRY_INVALID', {
        field: 'expiresAt',
        problem: 'expiresAt must be in the future',
      })
    return { expiresAt: at }
  }
  return {}
}
