import { systemClock } from '../src/app/clock.js'
import { openDatabase } from '../src/db/engine/database.js'
import { buildExamdeskApp } from '../src/http/examdesk-app.js'

/**
 * The document the server serves at /openapi.json, built in-process. The
 * routes only close over the database, so an empty in-memory one will do.
 */
export async function readOpenApiDocument(): Promise<string> {
  const database = await openDatabase('sqlite::memory:')
  try {
    const app = await buildExamdeskApp({ db: database.db, clock: systemClock })
    try {
      return (await app.inject({ method: 'GET', url: '/openapi.json' })).body
    } finally {
      await app.close()
    }
  } finally {
    await database.close()
  }
}
