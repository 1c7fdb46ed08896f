import type { Actor } from '../../app/actor.js'
import { cancelRegistration } from '../../app/cancel-registration.js'
import { listCandidateRegistrations } from '../../app/get-registration.js'
import { MAX_PAGE_LIMIT } from '../../app/page.js'
import { register } from '../../app/register.js'
import type { RegistrationView } from '../../app/registration-view.js'
import { rescheduleRegistration } from '../../app/reschedule-registration.js'
import type { Config } from '../../config.js'
import { formatInZone } from '../../domain/instant.js'
import { readMailSettings } from '../../mail/mail-settings.js'
import { consoleAccount } from '../console-account.js'
import { openStore, type Store } from '../open-store.js'

/**
 * Support staff working a phone queue: book, move and cancel for a caller.
 * Every change is recorded as made by support, by phone, and the candidate
 * is mailed. `--key` makes a command safe to repeat (the same key never acts
 * twice); by default each command is its own action.
 */
export interface PhoneOptions {
  readonly key?: string
  readonly channel?: 'phone' | 'api' | 'web'
}

async function withSupport<T>(
  config: Config,
  options: PhoneOptions,
  work: (store: Store, actor: Actor, deps: Parameters<typeof register>[0]) => Promise<T>,
) {
  const store = await openStore(config)
  try {
    const actor: Actor = {
      tokenId: consoleAccount(),
      role: 'support',
      channel: options.channel ?? 'phone',
    }
    return await work(store, actor, {
      ...store,
      mail: readMailSettings(config),
      holdMinutes: config.holdMinutes,
    })
  } finally {
    await store.close()
  }
}

/** The command's idempotency key; without one, nothing is stored to replay. */
const keyOf = (actor: Actor, options: PhoneOptions) =>
  options.key === undefined ? null : { principalId: actor.tokenId, key: options.key }

export function describeRegistration(view: RegistrationView): string {
  return [
    `${view.id}  ${view.status}  ${view.exam.number} ${view.exam.title}`,
    `  when:     ${formatInZone(view.startsAt, view.centre.timeZone)}`,
    `  where:    ${view.centre.name}, ${view.centre.address}, ${view.centre.city} (${view.provider.name})`,
    `  change:   reschedule until ${formatInZone(view.changeDeadlines.reschedule, view.centre.timeZone)}, cancel until ${formatInZone(view.changeDeadlines.cancel, view.centre.timeZone)}`,
    // A stored answer from before holds expired has neither field.
    ...(view.holdEnded != null
      ? [
          `  payment:  not paid; the seat was ${view.holdEnded === 'expired' ? 'released when its hold ran out' : 'released by an administrator'}`,
        ]
      : view.holdExpiresAt != null
        ? [
            `  payment:  due; the seat is held until ${formatInZone(view.holdExpiresAt, view.centre.timeZone)}`,
          ]
        : []),
  ].join('\n')
}

export async function registerByPhone(
  config: Config,
  input: { candidate: string; exam: string; slot: string } & PhoneOptions,
) {
  await withSupport(config, input, async (_store, actor, deps) => {
    const { result, replayed } = await register(
      deps,
      { candidateId: input.candidate, exam: input.exam, slotId: input.slot },
      actor,
      keyOf(actor, input),
    )
    process.stdout.write(
      `${replayed ? 'Already done (same key): ' : 'Booked: '}${describeRegistration(result)}\n`,
    )
  })
}

export async function rescheduleByPhone(
  config: Config,
  input: { registration: string; slot: string } & PhoneOptions,
) {
  await withSupport(config, input, async (_store, actor, deps) => {
    const { result } = await rescheduleRegistration(
      deps,
      { registrationId: input.registration, slotId: input.slot },
      actor,
      keyOf(actor, input),
    )
    process.stdout.write(`Moved: ${describeRegistration(result)}\n`)
  })
}

export async function cancelByPhone(
  config: Config,
  input: { registration: string } & PhoneOptions,
) {
  await withSupport(config, input, async (_store, actor, deps) => {
    const { result } = await cancelRegistration(
      deps,
      input.registration,
      actor,
      keyOf(actor, input),
    )
    process.stdout.write(`Cancelled: ${describeRegistration(result)}\n`)
  })
}

export async function listRegistrations(config: Config, candidateId: string) {
  const store = await openStore(config)
  try {
    // Every registration, a page at a time, so that a long history never sits in memory whole.
    for (let offset = 0; ; offset += MAX_PAGE_LIMIT) {
      const page = await listCandidateRegistrations(store, candidateId, {
        limit: MAX_PAGE_LIMIT,
        offset,
      })
      if (page.total === 0) process.stdout.write('No registrations.\n')
      for (const view of page.items) process.stdout.write(`${describeRegistration(view)}\n`)
      if (page.items.length < MAX_PAGE_LIMIT) break
    }
  } finally {
    await store.close()
  }
}
