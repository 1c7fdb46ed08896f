import type { Actor } from '../../app/actor.js'
import { expireHolds } from '../../app/expire-holds.js'
import type { Config } from '../../config.js'
import { readMailSettings } from '../../mail/mail-settings.js'
import { consoleAccount } from '../console-account.js'
import { openStore } from '../open-store.js'

/**
 * `examdesk holds release-expired`: releases every unpaid hold whose time
 * has run out now, as the server's job does every half minute, and prints
 * how many. Safe beside running servers: each hold is released once.
 */
export async function releaseExpiredHoldsCommand(config: Config): Promise<void> {
  const store = await openStore(config)
  try {
    const deps = { ...store, mail: readMailSettings(config) }
    const actor: Actor = { tokenId: consoleAccount(), role: 'admin', channel: 'api' }
    const outcome = await expireHolds(deps, actor)
    process.stdout.write(
      `${outcome.released} expired holds released${outcome.skipped > 0 ? ` (${outcome.skipped} paid or released elsewhere meanwhile)` : ''}\n`,
    )
  } finally {
    await store.close()
  }
}
