import { decideEligibility } from '../../app/retakes/decide-eligibility.js'
import { toEligibilityView } from '../../app/retakes/eligibility-view.js'
import { formatInstant, formatInZone } from '../../domain/instant.js'
import { retakeReason } from '../../domain/retake-reasons.js'
import type { CliContext } from '../cli-context.js'

export interface EligibilityOptions {
  readonly candidate: string
  readonly exam: string
  readonly at?: string
  /** The decision as the API answers it, instead of lines for a person. */
  readonly json?: boolean
}

/** Prints the retake decision for a candidate and an exam, with its reason; returns whether eligible. */
export async function printEligibility(
  cli: CliContext,
  options: EligibilityOptions,
): Promise<boolean> {
  const store = await cli.openStore()
  try {
    const eligibility = await decideEligibility(store, {
      candidateId: options.candidate,
      exam: options.exam,
      ...(options.at ? { at: options.at } : {}),
    })
    const { exam, at, timeZone, decision } = eligibility
    if (options.json) {
      cli.stdout.write(`${JSON.stringify(toEligibilityView(eligibility), null, 2)}\n`)
      return decision.eligible
    }
    const earliest =
      decision.earliestAt === null
        ? 'never, under the current data'
        : `${formatInstant(decision.earliestAt)} (${formatInZone(decision.earliestAt, timeZone)})`
    cli.stdout.write(
      [
        `${decision.eligible ? 'ELIGIBLE' : 'NOT ELIGIBLE'}  ${decision.code}`,
        `exam:      ${exam.number} ${exam.title}`,
        `at:        ${formatInstant(at)} (${formatInZone(at, timeZone)})`,
        `earliest:  ${earliest}`,
        `policy:    ${decision.policy ? `${decision.policy.name} (${decision.policy.id} v${decision.policy.version})` : 'none'}`,
        `reason:    ${retakeReason(decision)}`,
        '',
      ].join('\n'),
    )
    return decision.eligible
  } finally {
    await store.close()
  }
}
