import { agentPrincipal, findStaffAgent } from '../app/accounts/staff-agent.js'
import { type Actor, actorFor, operatorPrincipal } from '../app/actor.js'
import type { AppDeps } from '../app/app-deps.js'
import { readMailSettings } from '../mail/mail-settings.js'
import type { CliContext } from './cli-context.js'
import { consoleAccount } from './console-account.js'
import type { Store } from './open-store.js'

/**
 * Support staff working a phone queue: book, move and cancel for a caller.
 * Every change is recorded as made by the staff member whose account
 * `--agent-email` names (support or admin), by phone, with the reason they
 * give (`--reason`), both of which the candidate is told. `--key` makes a
 * command safe to repeat (the same key never acts twice); by default each
 * command is its own action.
 */
export interface PhoneOptions {
  readonly key?: string
  readonly channel?: 'phone' | 'api' | 'web'
  /** The email of the account of the staff member taking the call. */
  readonly agentEmail?: string
  /** Why the agent acts for the caller. */
  readonly reason?: string
}

/**
 * The staff member taking the call as the actor: their account (support or
 * admin) as the principal, by phone, the reason checked as the API checks
 * it. An email no staff account has is refused with a sentence for the
 * console, before anything is changed.
 */
export async function phoneActor(deps: Pick<AppDeps, 'db'>, options: PhoneOptions): Promise<Actor> {
  if (options.agentEmail === undefined)
    throw new Error(
      '--agent-email: name the support or admin account taking the call; `examdesk account list` shows them.',
    )
  const agent = await findStaffAgent(deps, options.agentEmail)
  if (!agent.found) throw new Error(AGENT_PROBLEMS[agent.problem](options.agentEmail))
  return actorFor(agentPrincipal(agent.account, consoleAccount()), {
    channel: options.channel ?? 'phone',
    reason: options.reason,
    reasonField: '--reason',
  })
}

const AGENT_PROBLEMS = {
  unknown: (email: string) =>
    `--agent-email: no account has the email ${email}. Nothing was changed; \`examdesk account list\` shows the staff accounts, \`examdesk account create\` makes one.`,
  'not-staff': (email: string) =>
    `--agent-email: ${email} is a candidate's account; only a support or admin account acts for a caller. Nothing was changed.`,
  disabled: (email: string) =>
    `--agent-email: the account ${email} is disabled and acts for no one. Nothing was changed.`,
} as const

/**
 * The console's own account asking, for what acts for no one (a code's
 * preview read out to a caller): no agent or reason is needed.
 */
export function consoleQuestioner(): Actor {
  return actorFor(operatorPrincipal(consoleAccount(), 'support'), { channel: 'api' })
}

/** Runs `work` as the staff member taking the call, on the database, which it closes after. */
export async function withSupport<T>(
  cli: CliContext,
  options: PhoneOptions & { readonly preview?: boolean },
  work: (store: Store, actor: Actor, deps: AppDeps) => Promise<T>,
) {
  const store = await cli.openStore()
  try {
    // Decided before anything is changed: a call without an agent or a reason changes nothing.
    const actor = options.preview ? consoleQuestioner() : await phoneActor(store, options)
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
