import type { Kysely } from 'kysely'
import { type Clock, systemClock } from '../app/clock.js'
import type { Config } from '../config.js'
import { type OpenDatabaseOptions, openDatabase, redactUrl } from '../db/engine/database.js'
import { migrateOrThrow } from '../db/engine/migrate.js'
import type { DB } from '../db/engine/schema.js'

export interface Store {
  readonly db: Kysely<DB>
  readonly clock: Clock
  readonly close: () => Promise<void>
}

/** Opens the configured database and brings its schema up to date. */
export async function openStore(
  config: Config,
  options: Pick<OpenDatabaseOptions, 'onConnectionLost' | 'checkpointInBackground'> = {},
): Promise<Store> {
  const database = await openDatabase(config.databaseUrl, options).catch((error: unknown) => {
    throw new Error(`Cannot open ${redactUrl(config.databaseUrl)}: ${(error as Error).message}`, {
      cause: error,
    })
  })
  try {
    await migrateOrThrow(database.db)
  } catch (error) {
    await database.close()
    throw error
  }
  return { db: database.db, clock: systemClock, close: () => database.close() }
}
