import type { Kysely } from 'kysely'
import { findProvider, insertProvider, type StoredProvider } from '../../db/catalogue/providers.js'
import type { DB } from '../../db/engine/schema.js'
import { type CancellationRefundRule, FULL_REFUND } from '../../domain/cancellation-refund.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { requireName } from '../input-fields.js'
import { runCommand } from '../run-command.js'
import { requireCutoffHours, requireProviderId, requireRefundRule } from './provider-fields.js'

export interface CreateProviderInput {
  readonly id: string
  readonly name: string
  /** Default 24. */
  readonly rescheduleCutoffHours?: number
  /** Default 24. */
  readonly cancelCutoffHours?: number
  /** Default: a full refund whenever the window allows a cancellation. */
  readonly cancellationRefund?: CancellationRefundRule
}

/** Adds a delivery provider with its rules for changing appointments and refunds (it delivers no exam yet). */
export async function createProvider(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: CreateProviderInput,
): Promise<StoredProvider> {
  const provider: StoredProvider = {
    id: requireProviderId(input.id),
    name: requireName(input.name, 'name'),
    rescheduleCutoffHours: requireCutoffHours(
      input.rescheduleCutoffHours ?? 24,
      'rescheduleCutoffHours',
    ),
    cancelCutoffHours: requireCutoffHours(input.cancelCutoffHours ?? 24, 'cancelCutoffHours'),
    cancellationRefund: requireRefundRule(input.cancellationRefund ?? FULL_REFUND),
  }
  const exists = () =>
    new AppError('PROVIDER_ALREADY_EXISTS', { field: 'id', providerId: provider.id })
  // A concurrent request may store the same id between the check and the insert.
  return runCommand(deps, { onConflict: { providers: exists } }, async (trx) => {
    if (await findProvider(trx, provider.id)) throw exists()
    await insertProvider(trx, provider)
    return provider
  })
}
