import { createToken, listApiTokens, revokeApiToken } from '../../app/access/api-tokens.js'
import { formatInstant } from '../../domain/instant.js'
import { TOKEN_CACHE_MS } from '../../http/examdesk-app.js'
import type { Role } from '../../http/principal.js'
import type { CliContext } from '../cli-context.js'

/** `examdesk token create`: the secret on stdout, once; what was made on stderr. */
export async function createTokenCommand(
  cli: CliContext,
  options: { readonly role: Role; readonly label: string },
): Promise<void> {
  const store = await cli.openStore()
  try {
    const created = await createToken(store, options)
    cli.stdout.write(`${created.token}\n`)
    cli.stderr.write(
      `Created ${created.role} token ${created.id}; the secret above is not shown again.\n`,
    )
  } finally {
    await store.close()
  }
}

/** `examdesk token list`: one line a token, oldest first; secrets are not kept, so never shown. */
export async function listTokensCommand(cli: CliContext): Promise<void> {
  const store = await cli.openStore()
  try {
    const tokens = await listApiTokens(store)
    if (tokens.length === 0) cli.stdout.write('No tokens.\n')
    for (const token of tokens) {
      const state =
        token.revokedAt === null ? 'active' : `revoked ${formatInstant(token.revokedAt)}`
      cli.stdout.write(
        `${token.id}  ${token.role.padEnd(8)}  created ${formatInstant(token.createdAt)}  ${state}  ${token.label}\n`,
      )
    }
  } finally {
    await store.close()
  }
}

/** `examdesk token revoke ID`: refuses an unknown id; revoking twice says when it was. */
export async function revokeTokenCommand(cli: CliContext, id: string): Promise<void> {
  const store = await cli.openStore()
  try {
    const outcome = await revokeApiToken(store, id)
    if (outcome === null)
      throw new Error(`There is no token ${id}; \`examdesk token list\` shows them.`)
    const { token, revokedNow } = outcome
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
