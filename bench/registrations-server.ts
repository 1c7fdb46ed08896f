/**
 * The examdesk API for the registrations benchmark, in a process of its own,
 * on a database the parent has prepared (bench/registrations.ts): opened as
 * `examdesk serve` opens it (the same URL, the same pool of 10 on
 * PostgreSQL), the API built with the same mail settings and request log, and
 * no outbox worker (the mail stays pending: delivery is not what is measured).
 *
 * `node dist-bench/bench/registrations-server.js <DATABASE_URL>` prints one
 * JSON line `{"url","pid"}` on stdout and serves until SIGTERM/SIGINT or until
 * its stdin closes (its parent is gone). Run it with `--cpu-prof` to profile.
 */
import { systemClock } from '../src/app/clock.js'
import { readConfig } from '../src/config.js'
import { openDatabase } from '../src/db/engine/database.js'
import { buildExamdeskApp } from '../src/http/examdesk-app.js'
import { readMailSettings } from '../src/mail/mail-settings.js'
import { benchAppOptions, benchDatabaseOptions, closeBenchLog } from './server-child.js'

async function main(): Promise<void> {
  const url = process.argv[2]
  if (url === undefined) throw new Error('usage: registrations-server.ts <DATABASE_URL>')
  const database = await openDatabase(url, benchDatabaseOptions())
  // The settings `serve` reads from the environment, as `npm start` would have them.
  const config = readConfig()
  const app = await buildExamdeskApp(
    {
      db: database.db,
      clock: systemClock,
      mail: readMailSettings(config),
      holdMinutes: config.holdMinutes,
    },
    { ...benchAppOptions(), trustProxy: config.trustProxy },
  )
  await app.listen({ host: '127.0.0.1', port: 0 })

  let closing = false
  const shutdown = async () => {
    if (closing) return
    closing = true
    try {
      await app.close()
      await database.close()
      await closeBenchLog()
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

  const address = app.server.address()
  if (address === null || typeof address !== 'object') throw new Error('not listening on TCP')
  const out = { url: `http://127.0.0.1:${address.port}`, pid: process.pid }
  process.stdout.write(`${JSON.stringify(out)}\n`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
