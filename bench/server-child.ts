import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

/**
 * How the bench servers build the examdesk app: no request log, and a
 * version of their own, since package.json is not where the compiled app
 * looks for it (dist-bench/src/http/ is a level deeper than dist/http/).
 */
export const BENCH_APP_OPTIONS = { logger: false, version: 'bench' } as const

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
