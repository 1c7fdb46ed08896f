import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { countMailed, listUnmailedChunk, markMailed } from '../../db/beta/wave-invitations.js'
import { listWavesOfExam } from '../../db/beta/waves.js'
import type { DB } from '../../db/engine/schema.js'
import { enqueueMails } from '../../db/mail/outbox.js'
import { findVoucher } from '../../db/vouchers/vouchers.js'
import type { Instant } from '../../domain/instant.js'
import { computeInvitationDedupeKey, computeMayOpenAt } from '../../domain/invitation-wave.js'
import type { OutboxMessage } from '../../domain/outbox-mail.js'
import { composeInvitationMail } from '../../mail/compose-invitation-mail.js'
import { formatMailTime } from '../../mail/format-mail-time.js'
import type { MailSettings } from '../../mail/mail-settings.js'
import type { WaveActor } from '../actor.js'
import { getExam } from '../catalogue/get-exam.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { auditWave } from './audit-wave.js'
import { requireWave, waveStatusOf } from './get-wave.js'
import { requireBetaProgramme } from './require-beta-programme.js'

export interface SendWaveDeps {
  readonly db: Kysely<DB>
  readonly clock: Clock
  readonly mail: MailSettings
}

export interface SendWaveInput {
  readonly waveId: string
  /** Invitations per transaction (default 1000). */
  readonly chunkSize?: number
  /** Stops between chunks: what is committed stays, and a re-run carries on from there. */
  readonly signal?: AbortSignal
}

export interface SentWave {
  readonly waveId: string
  readonly invited: number
  /** Mails this run put in the outbox. */
  readonly enqueuedNow: number
  /** Mails an earlier run had put there already. */
  readonly alreadyEnqueued: number
}

const DEFAULT_SEND_CHUNK = 1000
const MAX_SEND_CHUNK = 5000

/**
 * Puts an open wave's invitation mails in the outbox, a chunk of
 * invitations per transaction: each mail with the dedupe key
 * `wave-invitation:<waveId>:<candidateId>` and its invitation marked mailed
 * in the same transaction. A run that dies loses at most its current chunk,
 * which nobody was sent; running it again sends the rest, and nobody twice.
 * Only one chunk is in memory at a time. `onProgress` hears how many of the
 * wave's mails are in the outbox after each chunk.
 */
export async function sendWave(
  deps: SendWaveDeps,
  input: SendWaveInput,
  actor: WaveActor,
  onProgress?: (done: number, total: number) => void,
): Promise<SentWave> {
  const now = deps.clock.now()
  const chunkSize = input.chunkSize ?? DEFAULT_SEND_CHUNK
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_SEND_CHUNK) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'chunkSize',
      problem: `must be a whole number from 1 to ${MAX_SEND_CHUNK}`,
    })
  }
  const wave = await requireWave(deps.db, input.waveId)
  const status = waveStatusOf(wave)
  if (status !== 'open') {
    throw new AppError('WAVE_NOT_OPEN', {
      waveId: wave.id,
      waveStatus: status,
      problem:
        status === 'draft'
          ? 'invitations go out once registration works: open the wave (and pass its self-check) first'
          : status === 'withdrawn'
            ? 'it was withdrawn; its codes no longer work'
            : 'registration is paused for it; resume it before sending',
    })
  }
  const exam = await getExam(deps, wave.exam)
  const programme = await requireBetaProgramme(deps.db, wave.exam)
  // The next wave that may still open: a withdrawn one never will.
  const next = (await listWavesOfExam(deps.db, wave.exam)).find(
    (other) => other.position > wave.position && other.withdrawnAt === null,
  )
  const priorityEndsAt = next
    ? computeMayOpenAt(wave.intervals, next.hoursAfterPrevious, now)
    : null
  const bearer = wave.bearerCode === null ? null : await findVoucher(deps.db, wave.bearerCode)
  // Read once: every invitation of the send links under the same address.
  const publicUrl = deps.mail.publicUrl()
  // The same few instants in the same few zones, a hundred thousand times over.
  const written = new Map<string, string>()
  const formatTime = (instant: Instant, zone: string) => {
    const key = `${instant}|${zone}`
    let text = written.get(key)
    if (text === undefined) {
      text = formatMailTime(instant, zone)
      written.set(key, text)
    }
    return text
  }

  const alreadyEnqueued = await countMailed(deps.db, wave.id)
  onProgress?.(alreadyEnqueued, wave.invited)
  let enqueuedNow = 0
  let processed = 0
  let after = 0
  for (;;) {
    input.signal?.throwIfAborted()
    const chunk = await runCommand(deps, {}, async (trx) => {
      // A wave paused while sending (registration broke) stops mailing "registration works".
      const current = await requireWave(trx, wave.id)
      if (waveStatusOf(current) !== 'open') {
        throw new AppError('WAVE_NOT_OPEN', {
          waveId: wave.id,
          waveStatus: waveStatusOf(current),
          problem: 'the wave was paused while its mail was being sent; resume it, then send again',
        })
      }
      const invitations = await listUnmailedChunk(trx, wave.id, after, chunkSize)
      const mails: OutboxMessage[] = invitations.map((invitation) => {
        const code = invitation.voucherCode ?? bearer?.code
        if (code === undefined) throw new Error(`wave ${wave.id} has an invitation without a code`)
        const composed = composeInvitationMail({
          candidate: invitation,
          exam,
          code,
          codeMode: wave.codeMode,
          codeExpiresAt:
            invitation.voucherCode === null
              ? (bearer?.expiresAt ?? null)
              : invitation.voucherExpiresAt,
          registrationOpensAt: wave.intervals[0]!.start,
          priorityEndsAt,
          restrictedCountries: programme.restrictedCountries,
          betaEndsAt: exam.betaPeriod?.end ?? null,
          resultsReleaseAt: programme.resultsReleaseAt,
          help: deps.mail.help,
          bookingPlace: deps.mail.bookingPlace,
          helpContact: deps.mail.helpContact,
          publicUrl,
          formatTime,
        })
        return {
          id: uuidv7(),
          dedupeKey: computeInvitationDedupeKey(wave.id, invitation.candidateId),
          kind: 'wave-invitation',
          candidateId: invitation.candidateId,
          recipient: invitation.email,
          ...composed,
          createdAt: now,
        }
      })
      const added = await enqueueMails(trx, mails)
      const first = invitations[0]
      const last = invitations.at(-1)
      // Every unmailed invitation in [first, last] is in this chunk: the range marks exactly it.
      if (first && last) await markMailed(trx, wave.id, first.position, last.position, now)
      return { added, count: invitations.length, last: last?.position ?? null }
    })
    if (chunk.last === null) break
    after = chunk.last
    enqueuedNow += chunk.added
    processed += chunk.count
    onProgress?.(alreadyEnqueued + processed, wave.invited)
  }
  await auditWave(deps.db, {
    wave,
    actor,
    now,
    action: 'wave-sent',
    detail: { enqueuedNow, alreadyEnqueued },
  })
  return {
    waveId: wave.id,
    invited: wave.invited,
    enqueuedNow,
    // Marked by an earlier run, or found in the outbox by its key (a run that died after its commit).
    alreadyEnqueued: alreadyEnqueued + processed - enqueuedNow,
  }
}
