import { type ChildProcess, spawn } from 'node:child_process'
import { REPO_ROOT } from '../cli/run-cli.js'

const START_TIMEOUT_MS = 45_000

/** `examdesk serve` running as a child process, listening on 127.0.0.1 on a port of its choosing. */
export interface ChildServer {
  readonly url: string
  readonly child: ChildProcess
  /** Everything it printed, for failure messages. */
  readonly output: () => string
}

/**
 * Starts `examdesk serve` (through tsx) with `env` over the test's own
 * environment and port 0, and resolves once it prints its address.
 */
export function startChildServer(env: Readonly<Record<string, string>>): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_NO_WARNINGS: '1',
      LOG_LEVEL: 'warn',
      PORT: '0',
      HOST: '127.0.0.1',
      EXAMDESK_DEMO: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`examdesk serve did not start within ${START_TIMEOUT_MS} ms:\n${output}`))
    }, START_TIMEOUT_MS)
    const onData = () => {
      const found = /examdesk is listening on (http:\/\/\S+)/.exec(output)
      if (!found?.[1]) return
      clearTimeout(timer)
      child.stdout.off('data', onData)
      child.off('exit', onExit)
      resolve({ url: found[1], child, output: () => output })
    }
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer)
      reject(new Error(`examdesk serve exited (${code ?? signal}) before listening:\n${output}`))
    }
    child.stdout.on('data', onData)
    child.once('exit', onExit)
  })
}

/** True while the child has neither exited nor been killed. */
export function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null
}

/** SIGTERM to our child (by its pid), SIGKILL if it lingers; resolves once it is gone. */
export async function stopChildServer(child: ChildProcess): Promise<void> {
  if (!isRunning(child)) return
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await gone
  clearTimeout(timer)
}

/** An HTTP answer, read whole: status, headers and the body as JSON (or text when it is not JSON). */
export interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly body: Record<string, unknown>
}

/** One request to the child server as `token`, JSON in and out. */
export async function callChild(
  server: ChildServer,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  })
  const text = await response.text()
  let parsed: Record<string, unknown>
  try {
    parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>)
  } catch {
    parsed = { text }
  }
  return { status: response.status, headers: response.headers, body: parsed }
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!)
    }),
  )
}
