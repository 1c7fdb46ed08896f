import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/app/clock.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { countExams, findExam } from '../../src/db/catalogue/exams.js'
import type { Exam } from '../../src/domain/exam.js'
import { type CliDatabase, cliEngines, openCliDatabase } from './cli-database.js'
import { describeRun, runCli } from './run-cli.js'

/**
 * `examdesk import exams FILE.csv`, end to end: all rows or none. The
 * database is prepared here (migrated, the programme and demo loaded) so
 * that only the imports go through the CLI.
 */
describe.each(cliEngines())('examdesk import exams FILE.csv on %s', (engine) => {
  let directory: string
  let database: CliDatabase

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'examdesk-import-'))
    database = await openCliDatabase(engine)
    await loadDemo({ db: database.db, clock: fixedClock(Date.now()) }, true)
  })
  afterAll(async () => {
    await database?.close()
    await rm(directory, { recursive: true, force: true })
  })

  async function readExams(numbers: readonly string[]) {
    const found: Record<string, Exam | null> = {}
    for (const number of numbers) found[number] = await findExam(database.db, number)
    return { found, total: await countExams(database.db) }
  }

  async function importFile(name: string, csv: string) {
    const file = join(directory, name)
    await writeFile(file, csv)
    return { file, run: await runCli(['import', 'exams', file], { DATABASE_URL: database.url }) }
  }

  it('imports a good file, a beta previewing an exam from an earlier line included', async () => {
    const before = await readExams([])
    const { file, run } = await importFile(
      'good.csv',
      [
        'number,title,family,status,betaOf,betaStart,betaEnd',
        '70-960,TS: Importing Exams,,live,,,',
        '71-960,TS: Importing Exams (beta),,,,2026-06-01T00:00:00Z,2026-07-15T00:00:00Z',
        '"077-961","MOS: Spreadsheets, Expert",mos,,,,',
        '',
      ].join('\n'),
    )
    expect(run.code, describeRun(run)).toBe(0)
    expect(run.stdout).toBe(`Imported 3 exams from ${file}.\n`)

    const { found, total } = await readExams(['070-960', '071-960', '077-961'])
    expect(total).toBe(before.total + 3)
    expect(found['070-960']).toMatchObject({ family: 'general', status: 'live', betaOf: null })
    expect(found['071-960']).toMatchObject({ family: 'beta', status: 'beta', betaOf: '070-960' })
    expect(found['077-961']).toMatchObject({ title: 'MOS: Spreadsheets, Expert', policyId: 'mos' })
  })

  it('refuses a file with bad rows: exits non-zero, names every bad line and field, imports nothing', async () => {
    const before = await readExams([])
    const { run } = await importFile(
      'bad.csv',
      [
        'number,title,family,status,betaOf,betaStart,betaEnd', // line 1
        '70-970,TS: A Good Row,,,,,', // line 2: fine, but goes nowhere
        '', // line 3: blank lines keep their number
        '7O-971,TS: Letter O,,,,,', // line 4
        '70-972,TS: Nobody’s Family,astrology,,,,', // line 5
        '70-620,TS: Already There,,,,,', // line 6
        '71-973,TS: Orphan Beta,,,,2026-06-01T00:00:00Z,2026-07-15T00:00:00Z', // line 7
        '70-974,TS: Draft,,draft,,,', // line 8
        '71-970,TS: Beta Of Line 2,,,,June,2026-07-15T00:00:00Z', // line 9
      ].join('\n'),
    )
    expect(run.code, describeRun(run)).not.toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('Nothing was imported: 6 row(s) have problems.')
    const lines = run.stderr.split('\n')
    const lineOf = (n: number) => lines.find((line) => line.trimStart().startsWith(`line ${n} `))
    expect(lineOf(4)).toMatch(/\(number\): "7O-971" is not an exam number/)
    expect(lineOf(5)).toMatch(/\(family\): There is no exam family "astrology"/)
    expect(lineOf(6)).toMatch(/\(number\): Exam 070-620 is already in the catalogue/)
    expect(lineOf(7)).toMatch(/\(betaOf\): .*070-973/)
    expect(lineOf(8)).toMatch(/\(status\): .*must be beta, live or retired/)
    expect(lineOf(9)).toMatch(/\(betaPeriod\.start\): "June" is not an instant/)
    expect(lineOf(2)).toBeUndefined()

    // All or nothing: not even the good row of line 2 was stored.
    const { found, total } = await readExams(['070-970'])
    expect(found['070-970']).toBeNull()
    expect(total).toBe(before.total)
  })
})
