import { SingleBar } from 'cli-progress'

/**
 * Progress of a long run on stderr, counting `what`: a bar on a terminal,
 * otherwise a line at every tenth, so that a log shows the run moving
 * without a line per chunk.
 */
export function startProgress(what: string) {
  const bar = process.stderr.isTTY
    ? new SingleBar({
        format: `${what} [{bar}] {value}/{total}`,
        stream: process.stderr,
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
      process.stderr.write(`${what}: ${done}/${total}\n`)
    },
    stop: () => {
      if (bar && started) bar.stop()
      started = false
    },
  }
}
