import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { WriteStream } from 'node:tty'
import { type Clock, systemClock } from '../app/clock.js'
import { type Config, readConfig } from '../config.js'
import { sqliteFileOf } from '../db/engine/database.js'
import { type DatabaseSource, describeMissingDatabase } from './missing-database.js'
import { openStore, type Store } from './open-store.js'

/** Where a run of the CLI writes: the process's own streams, or a test's collectors. */
export interface CliOutput {
  write(text: string): unknown
}

/**
 * What one run of the CLI reads and writes instead of the process's own,
 * so that it runs the same as a process of its own and inside another.
 */
export interface CliIo {
  readonly stdout: CliOutput
  readonly stderr: CliOutput
  readonly env: NodeJS.ProcessEnv
  /** The folder that relative paths (files, a SQLite database) are read from. */
  readonly cwd: string
  /** The clock the use cases read: the machine's unless a test fixes it. */
  readonly clock?: Clock
}

/** What a command is handed: where to write, its configuration, and how to open the database. */
export interface CliContext {
  readonly stdout: CliOutput
  readonly stderr: CliOutput
  /** stderr when it is a terminal, where progress bars are drawn; null otherwise. */
  readonly terminal: WriteStream | null
  readonly clock: Clock
  /** The configuration from the environment, with `--database` over DATABASE_URL. */
  config(): Config
  /** A path as the user typed it, resolved against the run's folder. */
  path(file: string): string
  /** The database URL to open: a relative SQLite path resolved against the run's folder. */
  databaseUrl(): string
  /**
   * Opens the database and brings its schema up to date. Unless `create`,
   * a SQLite file that is not there is refused and nothing is created: only
   * the commands that make a database on purpose pass `create`.
   */
  openStore(options?: { readonly create?: boolean }): Promise<Store>
  /** The run's exit status, when it ends without an error. */
  setExitCode(code: number): void
}

/** A run's context; `databaseOption` reads `--database` once the command line is parsed. */
export function createCliContext(
  io: CliIo,
  databaseOption: () => string | undefined,
  setExitCode: (code: number) => void,
): CliContext {
  const config = (): Config => {
    const fromEnv = readConfig(io.env)
    const option = databaseOption()
    return option === undefined ? fromEnv : { ...fromEnv, databaseUrl: option }
  }
  const source = (): DatabaseSource =>
    databaseOption() !== undefined
      ? '--database'
      : io.env.DATABASE_URL !== undefined
        ? 'DATABASE_URL'
        : 'default'
  const path = (file: string) => resolve(io.cwd, file)
  const databaseUrl = () => {
    const url = config().databaseUrl
    const file = sqliteFileOf(url)
    return file === null ? url : `sqlite:${path(file)}`
  }
  return {
    stdout: io.stdout,
    stderr: io.stderr,
    terminal: io.stderr instanceof WriteStream && io.stderr.isTTY ? io.stderr : null,
    clock: io.clock ?? systemClock,
    config,
    path,
    databaseUrl,
    async openStore(options = {}) {
      const url = databaseUrl()
      const file = sqliteFileOf(url)
      if (options.create !== true && file !== null && !existsSync(file)) {
        throw new Error(describeMissingDatabase(file, config().databaseUrl, source()))
      }
      const store = await openStore({ ...config(), databaseUrl: url })
      return { ...store, clock: io.clock ?? systemClock }
    },
    setExitCode,
  }
}
