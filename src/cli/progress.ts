import { SingleBar } from 'cli-progress'
import type { CliContext } from './cli-context.js'

/**
 * Progress of a long run on stderr, counting `what`: a bar on a terminal,
 * otherwise a line at every tenth, so that a log shows the run moving
 * without a line per chunk.
 */
export function startProgress(cli: Pick<CliContext, 'stderr' | 'terminal'>, what: string) {
  const bar = cli.terminal
    ? new SingleBar({
        format: `${what} [{bar}] {value}/{total}`,
        stream: cli.terminal,
        hideCursor: true,
      })
    : null
  let started = false
  let lastTenth = -1
  return {
    update: (done: number, total: number) => {
      if (bar) {
        if (!started) bar.start(total, done)
        started = true
        bar.update(done)
        return
      }
      const tenth = total === 0 ? 10 : Math.floor((done * 10) / total)
      if (tenth === lastTenth) return
      lastTenth = tenth
      cli.stderr.write(`${what}: ${done}/${total}\n`)
    },
    stop: () => {
      if (bar && started) bar.stop()
      started = false
    },
  }
}
