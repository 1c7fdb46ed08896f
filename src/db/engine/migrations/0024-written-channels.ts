import { sql } from 'kysely'
import { type AnyKysely, dialectOf } from '../dialect.js'

const CHANNELS = sql`channel in ('api', 'phone', 'web', 'email', 'chat', 'in-person')`

/**
 * Staff acting for a candidate record how the candidate asked as chosen:
 * by `email`, `chat` or `in-person` besides `phone` and `web`. Only
 * `registrations` checks its channel; its check takes the new ones.
 *
 * SQLite cannot change a table's CHECK: the table is built again from its
 * own definition with the new check, its rows copied and its indexes made
 * again, with foreign keys off (`rebuildsTables`; see migrate.ts).
 */
export const rebuildsTables = true

export async function up(db: AnyKysely): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`alter table registrations drop constraint registrations_channel_check`.execute(db)
    await sql`alter table registrations add constraint registrations_channel_check check (${CHANNELS})`.execute(
      db,
    )
    return
  }
  const table = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'table' and name = 'registrations'`.execute(db)
  const indexes = await sql<{ sql: string }>`
    select sql from sqlite_master
    where type = 'index' and tbl_name = 'registrations' and sql is not null`.execute(db)
  const definition = table.rows[0]?.sql ?? ''
  const check = /channel in \('api', 'phone', 'web'\)/
  if (!check.test(definition)) throw new Error('registrations has no channel check to widen')
  const widened = definition.replace(
    check,
    "channel in ('api', 'phone', 'web', 'email', 'chat', 'in-person')",
  )
  await sql
    .raw(widened.replace(/^CREATE TABLE "?registrations"?/i, 'create table "registrations_next"'))
    .execute(db)
  await sql`insert into registrations_next select * from registrations`.execute(db)
  await sql`drop table registrations`.execute(db)
  await sql`alter table registrations_next rename to registrations`.execute(db)
  for (const index of indexes.rows) await sql.raw(index.sql).execute(db)
}
