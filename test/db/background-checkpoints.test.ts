import { execFile } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BACKSTOP_CHECKPOINT_PAGES } from '../../src/db/engine/background-checkpoints.js'
import { type Database, openDatabase } from '../../src/db/engine/database.js'
import { runInTransaction } from '../../src/db/engine/group-commit.js'
import { migrateOrThrow } from '../../src/db/engine/migrate.js'
import { enqueueMail } from '../../src/db/mail/outbox.js'
import { mailMessage } from '../factories/mail.js'

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DATABASE_MODULE = join(REPO_ROOT, 'src/db/engine/database.ts')
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

/** A mail whose body fills four pages of SQLite's 4 KiB: writes that the WAL has to hold. */
const bulkyMail = () => mailMessage({ bodyText: 'x'.repeat(16_000) })

/**
 * The serving connection checkpoints only past BACKSTOP_CHECKPOINT_PAGES, so
 * everything below that reaches the database file through the thread alone.
 */
describe('checkpoints in the background (SQLite file)', () => {
  let dir: string
  let file: string
  let database: Database | null
  const errors: string[] = []

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'examdesk-checkpoints-'))
    file = join(dir, 'examdesk.db')
    errors.length = 0
    database = await openDatabase(`sqlite:${file}`, {
      checkpointInBackground: { onError: (message) => errors.push(message) },
    })
    await migrateOrThrow(database.db)
  })
  afterEach(async () => {
    await database?.close()
    await rm(dir, { recursive: true, force: true })
  })

  /** Commits `count` bulky mails, together, as concurrent bookings are. */
  const commitMails = async (count: number) => {
    const db = database!.db
    await Promise.all(
      Array.from({ length: count }, () =>
        runInTransaction(db, (trx) => enqueueMail(trx, bulkyMail())),
      ),
    )
  }

  /** The database's size as the connection reads it, WAL included. */
  const logicalSize = async () => {
    const { rows } = await sql<{ size: number }>`
      select page_count * page_size as size from pragma_page_count(), pragma_page_size()
    `.execute(database!.db)
    return rows[0]!.size
  }

  /** Resolves once the database file holds every committed page, copied out of the WAL. */
  const copiedOut = async () => {
    const size = await logicalSize()
    await vi.waitFor(() => expect(statSync(file).size).toBe(size), { timeout: 10_000 })
  }

  it('copies what was committed into the database file, which the connection alone would not do yet', async () => {
    const before = statSync(file).size
    await commitMails(150)
    // About 600 pages: far below the connection's own threshold.
    expect((await logicalSize()) - before).toBeLessThan(BACKSTOP_CHECKPOINT_PAGES * 4096)
    await copiedOut()
    expect(statSync(file).size - before).toBeGreaterThan(150 * 16_000)
    expect(errors).toEqual([])
  })

  it('starts the WAL over after a copy, so steady writes do not grow it', async () => {
    // 40 groups of 20 mails: about 13 MB, every page of it through the WAL.
    for (let group = 0; group < 40; group++) {
      await commitMails(20)
      await copiedOut()
    }
    // Grown without start-overs, the WAL would hold all 13 MB; it holds about one group.
    expect(statSync(`${file}-wal`).size).toBeLessThan(3_000_000)
    expect(errors).toEqual([])
  })

  it('lets go on close: the database file holds everything and no WAL is left behind', async () => {
    await commitMails(50)
    await database!.close()
    database = null
    expect(existsSync(`${file}-wal`)).toBe(false)

    const reopened = await openDatabase(`sqlite:${file}`)
    try {
      const { count } = await reopened.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow()
      expect(Number(count)).toBe(50)
    } finally {
      await reopened.close()
    }
  })

  it('keeps a process that has nothing left but the close alive until the close is done', async () => {
    // A program whose last work is closing the database: the thread it waits on must hold the process.
    const source = `
      import { openDatabase } from ${JSON.stringify(pathToFileURL(DATABASE_MODULE).href)}
      const database = await openDatabase(${JSON.stringify(`sqlite:${join(dir, 'other.db')}`)}, {
        checkpointInBackground: { onError: () => {} },
      })
      await database.close()
      console.log('closed')
    `
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', TSX, '--input-type=module', '--eval', source],
      { cwd: REPO_ROOT },
    )
    expect(stdout.trim()).toBe('closed')
  })
})
