import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { promisify } from 'node:util'
import { quoteIdentifier } from '../src/db/engine/database.js'
import { onPostgres } from './postgres.js'

const run = promisify(execFile)

export interface PgbenchFigure {
  readonly tps: number
  readonly clients: number
  readonly scale: number
}

/**
 * PostgreSQL's own ceiling on this machine: `pgbench`'s built-in TPC-B-like
 * transaction (five statements, three updates of hot rows among them) run
 * for `seconds` by `clients` connections, in a schema of its own that is
 * dropped afterwards. Null when `pgbench` is not installed.
 */
export async function measurePgbench(
  url: string,
  seconds: number,
  clients: number,
): Promise<PgbenchFigure | null> {
  const schema = `pgbench_${randomUUID().replaceAll('-', '')}`
  // pgbench's advice: a scale at least the number of clients, so they do not all queue on one branch row.
  const scale = clients
  const onServer = (statement: string) => onPostgres(url, (client) => client.query(statement))
  await onServer(`create schema ${quoteIdentifier(schema)}`)
  // libpq reads the schema from PGOPTIONS (it does not take a URL's `+` for a space, as pg does).
  const env = { ...process.env, PGOPTIONS: `-c search_path=${schema}` }
  try {
    await run('pgbench', ['-i', '-q', '-s', String(scale), url], { env })
    const { stdout } = await run(
      'pgbench',
      ['-c', String(clients), '-j', '2', '-T', String(seconds), '-M', 'prepared', url],
      { env },
    )
    const tps = /tps = ([\d.]+)/.exec(stdout)?.[1]
    if (tps === undefined) throw new Error(`pgbench printed no tps:\n${stdout}`)
    return { tps: Number(tps), clients, scale }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  } finally {
    await onServer(`drop schema if exists ${quoteIdentifier(schema)} cascade`)
  }
}
