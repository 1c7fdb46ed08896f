import { type ChildProcess, spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { Logger } from 'pino'
import { readConfig } from '../src/config.js'
import type { OpenDatabaseOptions } from '../src/db/engine/database.js'
import { openServerLog, type ServerLog } from '../src/http/server-log.js'

/**
 * How the bench servers build the examdesk app: as `npm start` does, with
 * its request log at `LOG_LEVEL` (`info` unless set) through the same
 * buffered destination, written to a file of the bench's (as when the
 * server's output is sent to a file) so that it does not mix with the
 * benchmark's own output; and a version of their own, since package.json is
 * not where the compiled app looks for it (dist-bench/src/http/ is a level
 * deeper than dist/http/).
 */
export function benchAppOptions(): { readonly loggerInstance: Logger; readonly version: string } {
  const file = join(tmpdir(), `examdesk-bench-${process.pid}.log`)
  benchLog ??= openServerLog(readConfig().logLevel, file)
  return { loggerInstance: benchLog.logger, version: 'bench' }
}

let benchLog: ServerLog | undefined

/**
 * How `examdesk serve` opens its database, for the benchmarks' servers and
 * for the raw loops measured beside them: on SQLite, checkpoints in the
 * background (a checkpoint that fails is printed).
 */
export function benchDatabaseOptions(): Pick<OpenDatabaseOptions, 'checkpointInBackground'> {
  return { checkpointInBackground: { onError: (message) => console.error(message) } }
}

/** Closes the bench server's log and removes its file. */
export async function closeBenchLog(): Promise<void> {
  if (benchLog === undefined) return
  await benchLog.close()
  rmSync(join(tmpdir(), `examdesk-bench-${process.pid}.log`), { force: true })
  benchLog = undefined
}

/**
 * Starts a server script of this folder (`eligibility-server.js`, say) in a
 * process of its own, as compiled JavaScript, the way `npm start` runs the
 * server. Its stdin is a pipe whose end tells it to go; with
 * `BENCH_CPU_PROF=<dir>` it writes a CPU profile there.
 */
export function spawnServerChild(script: string, args: readonly string[] = []): ChildProcess {
  const profileDir = process.env.BENCH_CPU_PROF
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []
  const path = fileURLToPath(new URL(script, import.meta.url))
  return spawn(process.execPath, [...profile, path, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
}

/** The first line a server child prints (its ports, as JSON), or an error if it exits or stays silent. */
export function firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error('the server child has no stdout'))
    const lines = createInterface({ input: child.stdout })
    const timer = setTimeout(() => {
      finish()
      reject(new Error(`the server child said nothing within ${timeoutMs / 1000} s`))
    }, timeoutMs)
    const onExit = (code: number | null, signal: string | null) => {
      finish()
      reject(new Error(`the server child exited before it was ready (code ${code}, ${signal})`))
    }
    const finish = () => {
      clearTimeout(timer)
      child.off('exit', onExit)
      lines.close()
    }
    child.once('exit', onExit)
    lines.once('line', (line) => {
      finish()
      resolve(line)
    })
  })
}

/** SIGTERM to this child (by its pid), then SIGKILL if it has not gone within 10 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}
