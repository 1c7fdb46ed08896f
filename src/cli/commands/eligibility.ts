import { decideEligibility } from '../../app/decide-eligibility.js'
import type { Config } from '../../config.js'
import { formatInstant, formatInZone } from '../../domain/instant.js'
import { openStore } from '../open-store.js'

/** Prints the retake decision for a candidate and an exam, with its reason. */
export async function printEligibility(
  config: Config,
  options: { readonly candidate: string; readonly exam: string; readonly at?: string },
): Promise<void> {
  const store = await openStore(config)
  try {
    const { exam, at, timeZone, decision } = await decideEligibility(store, {
      candidateId: options.candidate,
      exam: options.exam,
      ...(options.at ? { at: options.at } : {}),
    })
    const earliest =
      decision.earliestAt === null
        ? 'never, under the current data'
        : `${formatInstant(decision.earliestAt)} (${formatInZone(decision.earliestAt, timeZone)})`
    process.stdout.write(
      [
        `${decision.eligible ? 'ELIGIBLE' : 'NOT ELIGIBLE'}  ${decision.code}`,
        `exam:      ${exam.number} ${exam.title}`,
        `at:        ${formatInstant(at)} (${formatInZone(at, timeZone)})`,
        `earliest:  ${earliest}`,
        `policy:    ${decision.policy ? `${decision.policy.name} (${decision.policy.id} v${decision.policy.version})` : 'none'}`,
        `reason:    ${decision.reason}`,
        '',
      ].join('\n'),
    )
  } finally {
    await store.close()
  }
}
