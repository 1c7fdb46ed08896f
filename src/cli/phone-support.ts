import { type Actor, operatorPrincipal } from '../app/actor.js'
import type { AppDeps } from '../app/app-deps.js'
import { readMailSettings } from '../mail/mail-settings.js'
import type { CliContext } from './cli-context.js'
import { consoleAccount } from './console-account.js'
import type { Store } from './open-store.js'

/**
 * Support staff working a phone queue: book, move and cancel for a caller.
 * Every change is recorded as made by support, by phone. `--key` makes a
 * command safe to repeat (the same key never acts twice); by default each
 * command is its own action.
 */
export interface PhoneOptions {
  readonly key?: string
  readonly channel?: 'phone' | 'api' | 'web'
}

/** Runs `work` as support at the console, on the database, which it closes after. */
export async function withSupport<T>(
  cli: CliContext,
  options: PhoneOptions,
  work: (store: Store, actor: Actor, deps: AppDeps) => Promise<T>,
) {
  const store = await cli.openStore()
  try {
    const actor: Actor = {
      tokenId: consoleAccount(),
      role: 'support',
      channel: options.channel ?? 'phone',
      principal: operatorPrincipal(consoleAccount(), 'support'),
    }
    return await work(store, actor, {
      ...store,
      mail: readMailSettings(cli.config()),
      holdMinutes: cli.config().holdMinutes,
    })
  } finally {
    await store.close()
  }
}

/** The command's idempotency key; without one, nothing is stored to replay. */
export const keyOf = (actor: Actor, options: PhoneOptions) =>
  options.key === undefined ? null : { principalId: actor.tokenId, key: options.key }
