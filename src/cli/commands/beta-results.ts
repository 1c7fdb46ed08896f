import type { Actor } from '../../app/actor.js'
import { listProgrammesDue, releaseBetaResults } from '../../app/release-beta-results.js'
import type { Config } from '../../config.js'
import { readMailSettings } from '../../mail/mail-settings.js'
import { consoleAccount } from '../console-account.js'
import { openStore } from '../open-store.js'

/**
 * `examdesk beta release-results [--exam N]`: releases one beta's results,
 * or every beta whose release date has come, and prints what was released.
 */
export async function releaseResultsCommand(config: Config, exam?: string): Promise<void> {
  const store = await openStore(config)
  try {
    const deps = { ...store, mail: readMailSettings(config) }
    const actor: Actor = { tokenId: consoleAccount(), role: 'admin', channel: 'api' }
    const exams = exam === undefined ? await listProgrammesDue(deps) : [exam]
    if (exams.length === 0) process.stdout.write('no beta results are due\n')
    for (const number of exams) {
      const released = await releaseBetaResults(deps, number, actor)
      process.stdout.write(
        `${released.exam}: ${released.released} results released (${released.passed} passed, ${released.failed} not), ${released.rewardsIssued} reward codes issued\n`,
      )
    }
  } finally {
    await store.close()
  }
}
