import { type Actor, operatorPrincipal } from '../../app/actor.js'
import { expireHolds } from '../../app/registrations/expire-holds.js'
import { readMailSettings } from '../../mail/mail-settings.js'
import type { CliContext } from '../cli-context.js'
import { consoleAccount } from '../console-account.js'

/**
 * `examdesk holds release-expired`: releases every unpaid hold whose time
 * has run out now, as the server's job does every half minute, and prints
 * how many. Safe beside running servers: each hold is released once.
 */
export async function releaseExpiredHoldsCommand(cli: CliContext): Promise<void> {
  const store = await cli.openStore()
  try {
    const deps = { ...store, mail: readMailSettings(cli.config()) }
    const actor: Actor = {
      tokenId: consoleAccount(),
      role: 'admin',
      channel: 'api',
      principal: operatorPrincipal(consoleAccount()),
    }
    const outcome = await expireHolds(deps, actor)
    cli.stdout.write(
      `${outcome.released} expired holds released${outcome.skipped > 0 ? ` (${outcome.skipped} paid or released elsewhere meanwhile)` : ''}\n`,
    )
  } finally {
    await store.close()
  }
}
