import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { type Database, openDatabase, quoteIdentifier } from '../../src/db/engine/database.js'
import { REPO_ROOT } from '../cli/run-cli.js'
import { TEST_POSTGRES_URL } from './postgres-url.js'

/**
 * Real `examdesk serve` processes for tests that cross the process
 * boundary (a crash, several processes on one database): a store of their
 * own, a start that waits for the listening line, HTTP calls, and a stop by
 * the child's own pid.
 */

/** A database that server processes share, and the test's own way in. */
export interface SharedStore {
  /** What the servers get as DATABASE_URL. */
  readonly url: string
  /** The test's own connection to the same database, for set-up and checks. */
  open(): Promise<Database>
  remove(): Promise<void>
}

export async function sqliteStore(): Promise<SharedStore> {
  const dir = await mkdtemp(join(tmpdir(), 'examdesk-process-'))
  const url = `sqlite:${join(dir, 'examdesk.db')}`
  return {
    url,
    open: () => openDatabase(url),
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}

/** A fresh, empty schema in the test PostgreSQL; the servers work in it through the URL's search_path. */
export async function postgresStore(prefix: string): Promise<SharedStore> {
  const schema = `${prefix}_${randomUUID().replaceAll('-', '')}`
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }
  await admin(`create schema ${quoteIdentifier(schema)}`)
  const url = new URL(TEST_POSTGRES_URL)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    open: () => openDatabase(TEST_POSTGRES_URL, { searchPath: schema, poolMax: 2 }),
    remove: async () => {
      // A backend of a server that has just stopped may still be ending its work: a deadlock with it is tried again.
      for (let attempt = 1; ; attempt++) {
        try {
          return await admin(`drop schema if exists ${quoteIdentifier(schema)} cascade`)
        } catch (error) {
          if ((error as { code?: string }).code !== '40P01' || attempt >= 3) throw error
        }
      }
    },
  }
}

export interface ServerProcess {
  readonly url: string
  readonly child: ChildProcess
  /** Everything it printed, for failure messages. */
  readonly output: () => string
}

const START_TIMEOUT_MS = 60_000

/**
 * Starts `examdesk serve` on a free port with `env` over the test's own
 * environment, and waits for the line with its address. On PostgreSQL,
 * Kysely's migrator reads the catalogue of every schema in the database at
 * start-up, and fails ("schema … does not exist") when another test drops
 * its own schema at that moment: such a start is tried again.
 */
export async function startServer(
  env: Readonly<Record<string, string>>,
  ownSchemaPrefix = 'process',
): Promise<ServerProcess> {
  const foreignSchemaGone = new RegExp(`schema "(?!${ownSchemaPrefix}_)[^"]+" does not exist`)
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce(env)
    } catch (error) {
      if (!foreignSchemaGone.test(String(error)) || attempt >= 3) throw error
    }
  }
}

function startServerOnce(env: Readonly<Record<string, string>>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_NO_WARNINGS: '1',
      LOG_LEVEL: 'warn',
      PORT: '0',
      HOST: '127.0.0.1',
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

export function exited(child: ChildProcess): Promise<void> {
  if (!isRunning(child)) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

/** SIGTERM to our child (by its pid), SIGKILL if it lingers. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (!isRunning(child)) return
  const gone = exited(child)
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await gone
  clearTimeout(timer)
}

export interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly body: Record<string, unknown>
  readonly replayed: boolean
}

/** One HTTP request to a server process with `token`, the whole answer read. */
export async function call(
  server: { readonly url: string },
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
  // Reading the whole body is part of the answer: a connection cut mid-body is no answer.
  const text = await response.text()
  let answered: Record<string, unknown>
  try {
    answered = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>)
  } catch {
    // Kept for the assertion to show: an answer that is not JSON is a failure of its own.
    answered = { text }
  }
  return {
    status: response.status,
    headers: response.headers,
    body: answered,
    replayed: response.headers.get('idempotent-replayed') === 'true',
  }
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++
        await work(items[index]!, index)
      }
    }),
  )
}

/** Polls `done` every 200 ms until it holds; fails after `timeoutMs`. Never an assertion about time. */
export async function waitFor(
  what: string,
  timeoutMs: number,
  done: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** A fresh admin token secret of the length a start accepts. */
export function newAdminToken(label: string): string {
  return `exd_${label}_${randomUUID().replaceAll('-', '')}`
}
