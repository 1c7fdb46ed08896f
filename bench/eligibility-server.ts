/**
 * The two servers the eligibility benchmark loads, in one process: the
 * examdesk API on a fresh SQLite file with the demo data, and a bare Fastify
 * hello-world (the ceiling), each on its own 127.0.0.1 port.
 *
 * Run as a program (compiled: `node dist-bench/bench/eligibility-server.js`), it
 * prints one JSON line `{"helloUrl","appUrl","token","pid"}` on stdout and
 * serves until SIGTERM/SIGINT or until its stdin closes (its parent is gone),
 * then closes both servers and deletes the database.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import Fastify from 'fastify'
import { createToken } from '../src/app/access/api-tokens.js'
import { systemClock } from '../src/app/clock.js'
import { loadDemo } from '../src/app/operations/load-demo.js'
import { openDatabase } from '../src/db/engine/database.js'
import { migrateOrThrow } from '../src/db/engine/migrate.js'
import { buildExamdeskApp } from '../src/http/examdesk-app.js'
import { benchAppOptions, benchDatabaseOptions, closeBenchLog } from './server-child.js'

export interface BenchServers {
  readonly helloUrl: string
  readonly appUrl: string
  /** An admin bearer token for the examdesk API. */
  readonly token: string
  /** The CPU time the servers' process has used so far, µs; absent when they share this process. */
  readonly cpuTime?: () => number | undefined
  close(): Promise<void>
}

export async function startBenchServers(): Promise<BenchServers> {
  const dir = mkdtempSync(join(tmpdir(), 'examdesk-bench-'))
  const database = await openDatabase(`sqlite:${join(dir, 'bench.db')}`, benchDatabaseOptions())
  const deps = { db: database.db, clock: systemClock }
  const hello = Fastify({ logger: false })
  let app: Awaited<ReturnType<typeof buildExamdeskApp>> | null = null
  const close = async () => {
    await hello.close()
    await app?.close()
    await database.close()
    await closeBenchLog()
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await migrateOrThrow(database.db)
    await loadDemo(deps, true)
    const { token } = await createToken(deps, { role: 'admin', label: 'bench' })

    hello.get('/hello', async () => ({ hello: 'world' }))
    await hello.listen({ host: '127.0.0.1', port: 0 })

    app = await buildExamdeskApp(deps, benchAppOptions())
    await app.listen({ host: '127.0.0.1', port: 0 })

    return { helloUrl: urlOf(hello), appUrl: urlOf(app), token, close }
  } catch (error) {
    await close()
    throw error
  }
}

function urlOf(server: { server: { address(): unknown } }): string {
  const address = server.server.address()
  if (address === null || typeof address !== 'object' || !('port' in address)) {
    throw new Error('the server is not listening on a TCP port')
  }
  return `http://127.0.0.1:${String(address.port)}`
}

async function main(): Promise<void> {
  const servers = await startBenchServers()
  let closing = false
  const shutdown = async () => {
    if (closing) return
    closing = true
    try {
      await servers.close()
    } finally {
      process.exit(0)
    }
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
  // A parent that dies without a word closes our stdin: go too.
  process.stdin.on('end', shutdown)
  process.stdin.on('error', shutdown)
  process.stdin.resume()
  const { helloUrl, appUrl, token } = servers
  process.stdout.write(`${JSON.stringify({ helloUrl, appUrl, token, pid: process.pid })}\n`)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
