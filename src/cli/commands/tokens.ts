import { issueApiToken } from '../../app/access/issue-api-token.js'
import { listAllApiTokens } from '../../app/access/list-api-tokens.js'
import { revokeApiToken } from '../../app/access/revoke-api-token.js'
import { type Actor, operatorPrincipal } from '../../app/actor.js'
import { AppError } from '../../app/errors.js'
import { type ApiToken, tokenState } from '../../domain/api-token.js'
import { formatInstant, type Instant } from '../../domain/instant.js'
import type { TokenRole } from '../../domain/principal.js'
import { TOKEN_CACHE_MS } from '../../http/examdesk-app.js'
import type { CliContext } from '../cli-context.js'
import { consoleAccount } from '../console-account.js'

export interface CreateTokenOptions {
  readonly role: TokenRole
  readonly label: string
  readonly provider?: string
  readonly expiresAt?: string
  readonly expiresInDays?: number
}

/** The trail names the account at the console, as a token would name an API caller. */
function consoleActor(): Actor {
  return {
    tokenId: consoleAccount(),
    role: 'admin',
    channel: 'api',
    principal: operatorPrincipal(consoleAccount()),
  }
}

/** `examdesk token create`: the secret on stdout, once; what was made on stderr. */
export async function createTokenCommand(
  cli: CliContext,
  options: CreateTokenOptions,
): Promise<void> {
  const store = await cli.openStore()
  try {
    const { token, secret } = await issueApiToken(store, consoleActor(), {
      role: options.role,
      label: options.label,
      ...(options.provider === undefined ? {} : { provider: options.provider }),
      ...(options.expiresAt === undefined ? {} : { expiresAt: options.expiresAt }),
      ...(options.expiresInDays === undefined ? {} : { expiresInDays: options.expiresInDays }),
    })
    cli.stdout.write(`${secret}\n`)
    const scope = token.providerId === null ? '' : `it acts for ${token.providerId} and `
    cli.stderr.write(
      `Created ${token.role} token ${token.id}; ${scope}${describeExpiry(token.expiresAt)}; the secret above is not shown again.\n`,
    )
  } finally {
    await store.close()
  }
}

function describeExpiry(expiresAt: Instant | null): string {
  return expiresAt === null ? 'it never expires' : `expires ${formatInstant(expiresAt)}`
}

/** `examdesk token list`: one line a token, oldest first; secrets are not kept, so never shown. */
export async function listTokensCommand(cli: CliContext): Promise<void> {
  const store = await cli.openStore()
  try {
    const tokens = await listAllApiTokens(store)
    if (tokens.length === 0) cli.stdout.write('No tokens.\n')
    const now = store.clock.now()
    for (const token of tokens) cli.stdout.write(`${describeToken(token, now)}\n`)
  } finally {
    await store.close()
  }
}

/** id, role, provider (a provider's token), created, expiry, last use, state, label. */
function describeToken(token: ApiToken, now: Instant): string {
  const state = tokenState(token, now)
  return [
    token.id,
    token.role.padEnd(8),
    ...(token.role === 'provider'
      ? [token.providerId === null ? 'not bound to a provider' : `for ${token.providerId}`]
      : []),
    `created ${formatInstant(token.createdAt)}`,
    token.expiresAt === null ? 'no expiry' : `expires ${formatInstant(token.expiresAt)}`,
    token.lastUsedAt === null ? 'never used' : `last used ${formatInstant(token.lastUsedAt)}`,
    state === 'revoked'
      ? `revoked ${formatInstant(token.revokedAt!)}`
      : state === 'expired'
        ? `expired ${formatInstant(token.expiresAt!)}`
        : 'active',
    token.label,
  ].join('  ')
}

/** `examdesk token revoke ID`: refuses an unknown id; revoking twice says when it was. */
export async function revokeTokenCommand(cli: CliContext, id: string): Promise<void> {
  const store = await cli.openStore()
  try {
    const { token, revokedNow } = await revokeApiToken(store, consoleActor(), id).catch(
      (error: unknown) => {
        if (error instanceof AppError && error.code === 'TOKEN_NOT_FOUND')
          throw new Error(`There is no token ${id}; \`examdesk token list\` shows them.`)
        throw error
      },
    )
    const at = token.revokedAt === null ? '' : formatInstant(token.revokedAt)
    cli.stdout.write(
      revokedNow
        ? `Revoked ${token.role} token ${token.id} (${token.label}) at ${at}; a running server that has seen it accepts it for ${TOKEN_CACHE_MS / 1000} s more at most.\n`
        : `Token ${token.id} (${token.label}) was already revoked at ${at}.\n`,
    )
  } finally {
    await store.close()
  }
}
