import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { selectMailPage } from '../../src/db/mail/outbox.js'
import { insertOfferVersion } from '../../src/db/vouchers/offers.js'
import { listBatch } from '../../src/db/vouchers/vouchers.js'
import { DEMO_OFFERS } from '../../src/demo/demo-offers.js'
import { parseVoucherCode } from '../../src/domain/voucher-code.js'
import { createCandidate, FACTORY_EPOCH } from '../factories/catalogue.js'
import { type CliDatabase, cliEngines, openCliDatabase } from './cli-database.js'
import { describeRun, runCli } from './run-cli.js'

/** `examdesk vouchers issue` as an operator runs it. */
describe.each(cliEngines())('examdesk vouchers issue end to end on %s', (engine) => {
  let directory: string
  let database: CliDatabase
  let env: Record<string, string>
  const path = (name: string) => join(directory, name)

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'examdesk-cli-vouchers-'))
    database = await openCliDatabase(engine)
    env = { DATABASE_URL: database.url }
    for (const offer of DEMO_OFFERS) await insertOfferVersion(database.db, offer, FACTORY_EPOCH)
    // One id needs quoting in CSV, so the writer's quoting is read back too.
    for (const id of ['cand-ana', 'cand-ben', 'cand-"o,brien"']) {
      await createCandidate(database.db, { id, email: `${id.replace(/\W/g, '')}@example.test` })
    }
    await writeFile(
      path('candidates.csv'),
      'candidateId\ncand-ben\n"cand-""o,brien"""\ncand-ana\n',
      'utf8',
    )
  })
  afterAll(async () => {
    await database?.close()
    await rm(directory, { recursive: true, force: true })
  })

  const issueFor = (out: string) =>
    runCli(
      [
        'vouchers',
        'issue',
        '--offer',
        'study-book-15',
        '--for',
        path('candidates.csv'),
        '--batch',
        'book-buyers-2026',
        '--out',
        path(out),
      ],
      env,
    )

  it('issues a code per listed candidate, writes the CSV, mails them, and gives the same file again', async () => {
    const first = await issueFor('codes.csv')
    expect(first.code, describeRun(first)).toBe(0)
    expect(first.stdout).toBe(
      `Batch book-buyers-2026 (offer study-book-15 version 1): 3 codes, 3 issued now, 0 already there; written to ${path('codes.csv')}.\n`,
    )
    expect(first.stderr).toContain('codes: 3/3')

    const written = await readFile(path('codes.csv'), 'utf8')
    const rows: Record<string, string>[] = parse(written, { columns: true })
    expect(written.split('\n')[0]).toBe('position,code,candidateId,expiresAt')
    expect(rows.map((row) => [row.position, row.candidateId])).toEqual([
      ['1', 'cand-ben'],
      ['2', 'cand-"o,brien"'],
      ['3', 'cand-ana'],
    ])
    for (const row of rows) {
      expect(row.code).toMatch(/^[2-9A-Z]{6}-[2-9A-Z]{6}-[2-9A-Z]{6}$/)
      expect(parseVoucherCode(row.code!).ok).toBe(true)
      expect(row.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    }

    const again = await issueFor('again.csv')
    expect(again.code, describeRun(again)).toBe(0)
    expect(again.stdout).toContain('3 codes, 0 issued now, 3 already there')
    expect(await readFile(path('again.csv'), 'utf8')).toBe(written)

    expect(await listBatch(database.db, 'book-buyers-2026')).toHaveLength(3)
    const mail = await selectMailPage(database.db, { limit: 10, offset: 0 })
    expect(mail.items.map((m) => m.recipient).sort()).toEqual([
      'candana@example.test',
      'candben@example.test',
      'candobrien@example.test',
    ])
  })

  it('issues bearer codes by count, and lists unknown candidates with their lines', async () => {
    const bearer = await runCli(
      ['vouchers', 'issue', '--offer', 'beta-invitation', '--count', '4', '--batch', 'fair'].concat(
        ['--out', path('fair.csv')],
      ),
      env,
    )
    expect(bearer.code, describeRun(bearer)).toBe(0)
    expect(bearer.stdout).toContain('4 codes, 4 issued now, 0 already there')
    const lines = (await readFile(path('fair.csv'), 'utf8')).trimEnd().split('\n')
    expect(lines).toHaveLength(5)
    expect(lines[4]).toMatch(/^4,[2-9A-Z-]{20},,\d{4}-/)

    await writeFile(path('unknown.csv'), 'candidateId\ncand-ana\nghost-1\nghost-2\n', 'utf8')
    const refused = await runCli(
      ['vouchers', 'issue', '--offer', 'study-book-15', '--for', path('unknown.csv')].concat([
        '--batch',
        'ghosts',
        '--out',
        path('ghosts.csv'),
      ]),
      env,
    )
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('2 candidate(s)')
    expect(refused.stderr).toContain('line 3: no candidate ghost-1')
    expect(refused.stderr).toContain('line 4: no candidate ghost-2')

    const neither = await runCli(
      ['vouchers', 'issue', '--offer', 'x', '--batch', 'y', '--out', path('z.csv')],
      env,
    )
    expect(neither.code).not.toBe(0)
    expect(neither.stderr).toContain('give either --count N or --for candidates.csv')
  })

  it('checks where the codes go before issuing any: a folder that is not there is refused with a sentence', async () => {
    const out = join(directory, 'no-such-folder', 'codes.csv')
    const refused = await runCli(
      ['vouchers', 'issue', '--offer', 'study-book-15', '--count', '5', '--batch', 'lost'].concat([
        '--out',
        out,
      ]),
      env,
    )
    expect(refused.code, describeRun(refused)).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toBe(
      `examdesk: Cannot write the codes to ${out}: the folder ${join(directory, 'no-such-folder')} does not exist. Nothing was issued.\n`,
    )
    expect(await listBatch(database.db, 'lost')).toEqual([])

    const folder = await runCli(
      ['vouchers', 'issue', '--offer', 'study-book-15', '--count', '5', '--batch', 'lost'].concat([
        '--out',
        directory,
      ]),
      env,
    )
    expect(folder.code, describeRun(folder)).toBe(1)
    expect(folder.stderr).toContain(`--out ${directory} is a folder`)
    expect(await listBatch(database.db, 'lost')).toEqual([])
    expect((await readdir(directory)).filter((name) => name.endsWith('.partial'))).toEqual([])
  })
})
