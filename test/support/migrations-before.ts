import { MIGRATIONS } from '../../src/db/engine/migrate.js'

type MigrationName = keyof typeof MIGRATIONS

/** Every migration that runs before `name`, in order: the schema a data migration meets. */
export function migrationsBefore(name: MigrationName) {
  const names = Object.keys(MIGRATIONS) as MigrationName[]
  return names.slice(0, names.indexOf(name)).map((before) => MIGRATIONS[before])
}
