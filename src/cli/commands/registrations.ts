import { operatorPrincipal } from '../../app/actor.js'
import { MAX_PAGE_LIMIT } from '../../app/page.js'
import { cancelRegistration } from '../../app/registrations/cancel-registration.js'
import { listCandidateRegistrations } from '../../app/registrations/get-registration.js'
import { rescheduleRegistration } from '../../app/registrations/reschedule-registration.js'
import type { CliContext } from '../cli-context.js'
import { consoleAccount } from '../console-account.js'
import { describeRegistration } from '../describe-registration.js'
import { keyOf, type PhoneOptions, withSupport } from '../phone-support.js'
import { inConsoleTerms } from './register-by-phone.js'

export async function rescheduleByPhone(
  cli: CliContext,
  input: { registration: string; slot: string; acknowledgeDeadlines?: boolean } & PhoneOptions,
) {
  await withSupport(cli, input, async (_store, actor, deps) => {
    const { result } = await rescheduleRegistration(
      deps,
      {
        registrationId: input.registration,
        slotId: input.slot,
        ...(input.acknowledgeDeadlines ? { acknowledgeDeadlines: true } : {}),
      },
      actor,
      keyOf(actor, input),
    ).catch((error) => inConsoleTerms(error, 'moved', 'move it'))
    cli.stdout.write(`Moved: ${describeRegistration(result)}\n`)
  })
}

export async function cancelByPhone(
  cli: CliContext,
  input: { registration: string } & PhoneOptions,
) {
  await withSupport(cli, input, async (_store, actor, deps) => {
    const { result } = await cancelRegistration(
      deps,
      input.registration,
      actor,
      keyOf(actor, input),
    )
    cli.stdout.write(`Cancelled: ${describeRegistration(result)}\n`)
  })
}

export async function listRegistrations(cli: CliContext, candidateId: string) {
  const store = await cli.openStore()
  try {
    // Every registration, a page at a time, so that a long history never sits in memory whole.
    for (let offset = 0; ; offset += MAX_PAGE_LIMIT) {
      const page = await listCandidateRegistrations(
        store,
        candidateId,
        { limit: MAX_PAGE_LIMIT, offset },
        operatorPrincipal(consoleAccount(), 'support'),
      )
      if (page.total === 0) cli.stdout.write('No registrations.\n')
      for (const view of page.items) cli.stdout.write(`${describeRegistration(view)}\n`)
      if (page.items.length < MAX_PAGE_LIMIT) break
    }
  } finally {
    await store.close()
  }
}
