import type { Kysely } from 'kysely'
import { findProvider, type Provider, updateProviderRules as storeRules } from '../db/providers.js'
import type { DB } from '../db/schema.js'
import { AppError } from './errors.js'
import { requireCutoffHours } from './provider-fields.js'

export interface ProviderRulesInput {
  readonly rescheduleCutoffHours: number
  readonly cancelCutoffHours: number
}

/**
 * Sets how late a provider's candidates may reschedule or cancel. The rules
 * are read when a change is asked for, so they apply to existing bookings too.
 */
export async function updateProviderRules(
  deps: { readonly db: Kysely<DB> },
  providerId: string,
  input: ProviderRulesInput,
): Promise<Provider> {
  const rules = {
    rescheduleCutoffHours: requireCutoffHours(input.rescheduleCutoffHours, 'rescheduleCutoffHours'),
    cancelCutoffHours: requireCutoffHours(input.cancelCutoffHours, 'cancelCutoffHours'),
  }
  return deps.db.transaction().execute(async (trx) => {
    if (!(await storeRules(trx, providerId, rules)))
      throw new AppError('PROVIDER_NOT_FOUND', { field: 'id', providerId })
    const provider = await findProvider(trx, providerId)
    if (!provider) throw new AppError('PROVIDER_NOT_FOUND', { field: 'id', providerId })
    return provider
  })
}
