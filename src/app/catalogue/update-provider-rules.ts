import type { Kysely } from 'kysely'
import {
  findProvider,
  type StoredProvider,
  updateProviderRules as storeRules,
} from '../../db/catalogue/providers.js'
import type { DB } from '../../db/engine/schema.js'
import type { CancellationRefundRule } from '../../domain/cancellation-refund.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { requireCutoffHours, requireRefundRule } from './provider-fields.js'

export interface ProviderRulesInput {
  readonly rescheduleCutoffHours: number
  readonly cancelCutoffHours: number
  /** Left as it is when absent. */
  readonly cancellationRefund?: CancellationRefundRule
}

/**
 * Sets how late a provider's candidates may reschedule or cancel, and what
 * a cancellation does with the money. The rules are read when a change is
 * asked for, so they apply to existing bookings too.
 */
export async function updateProviderRules(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  providerId: string,
  input: ProviderRulesInput,
): Promise<StoredProvider> {
  const rules = {
    rescheduleCutoffHours: requireCutoffHours(input.rescheduleCutoffHours, 'rescheduleCutoffHours'),
    cancelCutoffHours: requireCutoffHours(input.cancelCutoffHours, 'cancelCutoffHours'),
    ...(input.cancellationRefund === undefined
      ? {}
      : { cancellationRefund: requireRefundRule(input.cancellationRefund) }),
  }
  return runCommand(deps, {}, async (trx) => {
    if (!(await storeRules(trx, providerId, rules)))
      throw new AppError('PROVIDER_NOT_FOUND', { field: 'id', providerId })
    const provider = await findProvider(trx, providerId)
    if (!provider) throw new AppError('PROVIDER_NOT_FOUND', { field: 'id', providerId })
    return provider
  })
}
