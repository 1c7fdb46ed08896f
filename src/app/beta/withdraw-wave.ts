import type { Kysely } from 'kysely'
import { markWaveWithdrawn } from '../../db/beta/wave-withdrawal.js'
import { findWave, lockWave } from '../../db/beta/waves.js'
import type { DB } from '../../db/engine/schema.js'
import { voidVouchers } from '../../db/vouchers/vouchers.js'
import { formatVoucherCode } from '../../domain/voucher-code.js'
import type { WaveActor } from '../actor.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { auditWave } from './audit-wave.js'
import { waveCodeBatchId } from './compose-wave.js'
import { getWaveView, requireWave, type WaveView, waveStatusOf } from './get-wave.js'

interface WithdrawWaveDeps {
  readonly db: Kysely<DB>
  readonly clock: Clock
}

/**
 * Withdraws a wave that never opened, in one transaction: its codes stop
 * working, its invitees are free to be invited by a later wave (and no
 * longer wait for this one to register), the cancelled registrations it
 * re-admitted count again, and it holds back no later wave. Audited. A wave
 * that has opened cannot be withdrawn (its invitees may have registered):
 * it can be paused. Withdrawing a withdrawn wave changes nothing.
 */
export async function withdrawWave(
  deps: WithdrawWaveDeps,
  waveId: string,
  actor: WaveActor,
): Promise<WaveView> {
  const now = deps.clock.now()
  await requireWave(deps.db, waveId)
  await runCommand(deps, {}, async (trx) => {
    // The same lock as opening: a wave is either opened or withdrawn, never both.
    await lockWave(trx, waveId)
    const wave = await findWave(trx, waveId)
    if (!wave) throw new AppError('WAVE_NOT_FOUND', { waveId })
    const status = waveStatusOf(wave)
    if (status === 'withdrawn') return
    if (status !== 'draft')
      throw new AppError('WAVE_ALREADY_OPENED', { waveId, waveStatus: status })
    const voided =
      (await voidVouchers(trx, { batchId: waveCodeBatchId(wave.id) }, now)) +
      (wave.bearerCode === null ? 0 : await voidVouchers(trx, { code: wave.bearerCode }, now))
    const readmissionsUndone = await markWaveWithdrawn(trx, wave.id, wave.exam, now)
    await auditWave(trx, {
      wave,
      actor,
      now,
      action: 'wave-withdrawn',
      detail: {
        name: wave.name,
        invited: wave.invited,
        codesVoided: voided,
        ...(wave.bearerCode === null ? {} : { bearerCode: formatVoucherCode(wave.bearerCode) }),
        // Their cancelled registration counts again as their one registration for the beta.
        readmissionsUndone,
      },
    })
  })
  return getWaveView(deps, waveId)
}
