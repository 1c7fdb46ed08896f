import type { WaveActor } from '../../app/actor.js'
import { composeWave } from '../../app/beta/compose-wave.js'
import { getWaveView, type WaveView } from '../../app/beta/get-wave.js'
import { openWave, pauseWave, resumeWave } from '../../app/beta/open-wave.js'
import { sendWave } from '../../app/beta/send-wave.js'
import { withdrawWave } from '../../app/beta/withdraw-wave.js'
import { formatInstant } from '../../domain/instant.js'
import type { WaveAudience, WaveCodeMode } from '../../domain/invitation-wave.js'
import { readMailSettings } from '../../mail/mail-settings.js'
import type { CliContext } from '../cli-context.js'
import { consoleAccount } from '../console-account.js'
import { readCsvRows } from '../csv-import.js'
import { startProgress } from '../progress.js'

export interface WaveComposeOptions {
  readonly exam: string
  readonly name: string
  readonly audience: WaveAudience
  readonly codeMode: WaveCodeMode
  readonly hoursAfterPrevious?: number
  /** A CSV file with a `candidateId` column, for a `list` wave. */
  readonly for?: string
}

function cliActor(): WaveActor {
  // The trail names the account at the console, as a token would name an API caller.
  return { id: consoleAccount(), role: 'admin', channel: 'cli', tokenLabel: consoleAccount() }
}

async function withStore<T>(
  cli: CliContext,
  work: (deps: Parameters<typeof openWave>[0]) => Promise<T>,
) {
  const store = await cli.openStore()
  try {
    return await work({ ...store, mail: readMailSettings(cli.config()) })
  } finally {
    await store.close()
  }
}

/** `examdesk waves compose`: the exam's next wave, its invitees and their codes. */
export async function composeWaveCommand(cli: CliContext, options: WaveComposeOptions) {
  if ((options.audience === 'list') !== (options.for !== undefined)) {
    throw new Error('a list wave takes --for candidates.csv, and only a list wave does')
  }
  const candidateIds =
    options.for === undefined
      ? undefined
      : (await readCsvRows(cli.path(options.for), ['candidateId'])).map(
          (row) => row.fields.candidateId ?? '',
        )
  const view = await withStore(cli, (deps) =>
    composeWave(
      deps,
      options.exam,
      {
        name: options.name,
        audience: options.audience,
        codeMode: options.codeMode,
        ...(options.hoursAfterPrevious === undefined
          ? {}
          : { hoursAfterPrevious: options.hoursAfterPrevious }),
        ...(candidateIds === undefined ? {} : { candidateIds }),
      },
      cliActor(),
    ),
  )
  printWave(cli, view)
}

/** `examdesk waves open|pause|resume|withdraw|show --wave ID`. */
export async function waveActionCommand(
  cli: CliContext,
  action: 'open' | 'pause' | 'resume' | 'withdraw' | 'show',
  waveId: string,
) {
  const view = await withStore(cli, (deps) => {
    if (action === 'show') return getWaveView(deps, waveId)
    const run = { open: openWave, pause: pauseWave, resume: resumeWave, withdraw: withdrawWave }[
      action
    ]
    return run(deps, waveId, cliActor())
  })
  printWave(cli, view)
}

/**
 * `examdesk waves send --wave ID`: the invitation mails into the outbox, a
 * chunk per transaction, with progress on stderr. Ctrl-C stops after the
 * chunk in hand; running it again sends the rest, and nobody twice.
 */
export async function sendWaveCommand(cli: CliContext, options: { wave: string; chunk?: number }) {
  const abort = new AbortController()
  const stop = () => abort.abort(new Error('stopped; run the same command again to send the rest'))
  process.once('SIGINT', stop)
  const progress = startProgress(cli, 'invitations')
  try {
    const sent = await withStore(cli, (deps) =>
      sendWave(
        deps,
        {
          waveId: options.wave,
          signal: abort.signal,
          ...(options.chunk === undefined ? {} : { chunkSize: options.chunk }),
        },
        cliActor(),
        progress.update,
      ),
    )
    progress.stop()
    cli.stdout.write(
      `Wave ${sent.waveId}: ${sent.invited} invited, ${sent.enqueuedNow} mails enqueued now, ${sent.alreadyEnqueued} already enqueued.\n`,
    )
  } finally {
    progress.stop()
    process.removeListener('SIGINT', stop)
  }
}

function printWave(cli: CliContext, view: WaveView) {
  const at = (instant: number | null) => (instant === null ? '-' : formatInstant(instant))
  cli.stdout.write(
    [
      `Wave ${view.id} (${view.exam} #${view.position}, ${view.name}): ${view.status}`,
      `  audience ${view.audience}, codes ${view.codeMode}${view.code ? ` (${view.code})` : ''}, ${view.hoursAfterPrevious} h after the previous wave`,
      view.status === 'withdrawn'
        ? `  withdrawn ${at(view.withdrawnAt)}: its codes no longer work`
        : `  opened ${at(view.openedAt)}, open for ${(view.openFor / 3_600_000).toFixed(1)} h${view.status === 'draft' ? `, may open ${at(view.mayOpenAt)}` : ''}`,
      `  invited ${view.invited}, mailed ${view.mailed}, delivered ${view.delivered}, registered ${view.registered}, seats left ${view.seatsLeft}`,
      '',
    ].join('\n'),
  )
}
