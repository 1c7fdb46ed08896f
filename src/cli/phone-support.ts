import { type Actor, actorFor, operatorPrincipal } from '../app/actor.js'
import type { AppDeps } from '../app/app-deps.js'
import { requireName } from '../app/input-fields.js'
import { readMailSettings } from '../mail/mail-settings.js'
import type { CliContext } from './cli-context.js'
import { consoleAccount } from './console-account.js'
import type { Store } from './open-store.js'

/**
 * Support staff working a phone queue: book, move and cancel for a caller.
 * Every change is recorded as made by support, by phone, by the agent named
 * (`--agent-name`; else the console's account) and with the reason they give
 * (`--reason`), both of which the candidate is told. `--key` makes a command
 * safe to repeat (the same key never acts twice); by default each command is
 * its own action.
 */
export interface PhoneOptions {
  readonly key?: string
  readonly channel?: 'phone' | 'api' | 'web'
  /** The agent taking the call, by the name the candidate is told. */
  readonly agentName?: string
  /** Why the agent acts for the caller. */
  readonly reason?: string
}

/**
 * The agent at the console as the actor: support, by phone, the console's
 * account as the principal (and its name when no agent is named), the agent's
 * name and the reason checked as the API checks them.
 */
export function phoneActor(options: PhoneOptions): Actor {
  const account = consoleAccount()
  const actor = actorFor(operatorPrincipal(account, 'support'), {
    channel: options.channel ?? 'phone',
    reason: options.reason,
    reasonField: '--reason',
  })
  if (options.agentName === undefined) return actor
  return { ...actor, displayName: requireName(options.agentName, '--agent-name') }
}

/** Runs `work` as support at the console, on the database, which it closes after. */
export async function withSupport<T>(
  cli: CliContext,
  options: PhoneOptions,
  work: (store: Store, actor: Actor, deps: AppDeps) => Promise<T>,
) {
  const store = await cli.openStore()
  try {
    // Checked before anything is read or written: a call without a reason changes nothing.
    const actor = phoneActor(options)
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
  options.key === undefined ? null : { principalId: actor.principalId, key: options.key }
