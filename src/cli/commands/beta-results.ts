import { type Actor, operatorPrincipal } from '../../app/actor.js'
import { listProgrammesDue, releaseBetaResults } from '../../app/beta/release-beta-results.js'
import { readMailSettings } from '../../mail/mail-settings.js'
import type { CliContext } from '../cli-context.js'
import { consoleAccount } from '../console-account.js'

/**
 * `examdesk beta release-results [--exam N]`: releases one beta's results,
 * or every beta whose release date has come, and prints what was released.
 */
export async function releaseResultsCommand(cli: CliContext, exam?: string): Promise<void> {
  const store = await cli.openStore()
  try {
    const deps = { ...store, mail: readMailSettings(cli.config()) }
    const actor: Actor = {
      tokenId: consoleAccount(),
      role: 'admin',
      channel: 'api',
      principal: operatorPrincipal(consoleAccount()),
    }
    const exams = exam === undefined ? await listProgrammesDue(deps) : [exam]
    if (exams.length === 0) cli.stdout.write('no beta results are due\n')
    for (const number of exams) {
      const released = await releaseBetaResults(deps, number, actor)
      cli.stdout.write(
        `${released.exam}: ${released.released} results released (${released.passed} passed, ${released.failed} not), ${released.rewardsIssued} reward codes issued\n`,
      )
    }
  } finally {
    await store.close()
  }
}
