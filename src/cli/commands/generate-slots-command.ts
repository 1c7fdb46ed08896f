import { SingleBar } from 'cli-progress'
import { generateSlots } from '../../app/catalogue/generate-slots.js'
import { formatInstant, formatInZone } from '../../domain/instant.js'
import type { CliContext } from '../cli-context.js'

export interface GenerateSlotsOptions {
  readonly centre: string
  readonly from: string
  readonly to: string
  readonly every: string
  readonly daily?: string
  readonly days?: string
  readonly capacity?: number
}

/** A bar is worth drawing only for a generation that takes a moment. */
const PROGRESS_FROM = 10_000

/** `examdesk slots generate`: a centre's slots from a schedule on its clock, with a progress bar on a terminal. */
export async function generateSlotsCommand(
  cli: CliContext,
  options: GenerateSlotsOptions,
): Promise<void> {
  const store = await cli.openStore()
  // Drawn only on a terminal: in a log, a bar is noise.
  const bar = cli.terminal
    ? new SingleBar({
        format: 'slots [{bar}] {value}/{total}',
        stream: cli.terminal,
        hideCursor: true,
      })
    : null
  let started = false
  try {
    const result = await generateSlots(
      store,
      {
        centreId: options.centre,
        from: options.from,
        to: options.to,
        every: options.every,
        ...(options.daily === undefined ? {} : { daily: options.daily }),
        ...(options.days === undefined ? {} : { days: options.days }),
        ...(options.capacity === undefined ? {} : { capacity: options.capacity }),
      },
      {
        onProgress: (done, total) => {
          if (bar === null || total < PROGRESS_FROM) return
          if (!started) bar.start(total, 0)
          started = true
          bar.update(done)
        },
      },
    )
    if (started) {
      bar?.stop()
      started = false
    }
    const zone = result.centre.timeZone
    const span =
      result.first === null || result.last === null
        ? ''
        : `, from ${formatInstant(result.first)} (${formatInZone(result.first, zone)}) to ${formatInstant(result.last)} (${formatInZone(result.last, zone)})`
    cli.stdout.write(
      `Created ${result.created} slots at ${result.centre.id}; ${result.existing} already existed${span}.\n`,
    )
  } finally {
    if (started) bar?.stop()
    await store.close()
  }
}
