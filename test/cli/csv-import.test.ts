import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCsvRows } from '../../src/cli/csv-import.js'

describe('reading an import file', () => {
  let directory: string
  const file = async (name: string, text: string) => {
    const path = join(directory, name)
    await writeFile(path, text)
    return path
  }
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'examdesk-csv-'))
  })
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('numbers rows by their line in the file, past blank lines and a byte-order mark', async () => {
    const path = await file(
      'ok.csv',
      '\uFEFFnumber, title\n70-620,Vista\n\n98-349, Windows OS Fundamentals\n',
    )
    expect(await readCsvRows(path, ['number', 'title'])).toEqual([
      { line: 2, fields: { number: '70-620', title: 'Vista' } },
      { line: 4, fields: { number: '98-349', title: 'Windows OS Fundamentals' } },
    ])
  })

  it('refuses a header with an unknown or a missing column before reading rows', async () => {
    await expect(
      readCsvRows(await file('a.csv', 'number,titel\n'), ['number', 'title']),
    ).rejects.toThrow(/line 1: unknown column\(s\) titel/)
    await expect(
      readCsvRows(await file('b.csv', 'number\n70-620\n'), ['number', 'title'], ['family']),
    ).rejects.toThrow(/line 1: missing title; expected number,title and optionally family/)
  })
})
