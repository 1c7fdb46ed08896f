import { describe, expect, it } from 'vitest'
import { createExam } from '../../src/app/catalogue/create-exam.js'
import { getExam } from '../../src/app/catalogue/get-exam.js'
import { type ExamImportRow, importExams } from '../../src/app/catalogue/import-exams.js'
import { listExams } from '../../src/app/catalogue/list-exams.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { testDatabases } from '../support/databases.js'
import { refusalOf, useApp } from './scenario.js'

/** Rows as a CSV file gives them: line 1 is the header, so data starts on line 2. */
function csvRows(...rows: ExamImportRow['fields'][]): ExamImportRow[] {
  return rows.map((fields, index) => ({ line: index + 2, fields }))
}

const BETA = { betaStart: '2026-07-01T00:00:00Z', betaEnd: '2026-08-01T00:00:00Z' }

describe.each(testDatabases())('import-exams on $name', ({ open }) => {
  const { deps } = useApp(open)

  async function programme() {
    await loadDemo(deps(), false)
  }

  const numbersInCatalogue = async () =>
    (await listExams(deps(), {})).items.map((exam) => exam.number)

  it('imports a valid batch, a beta previewing an exam from an earlier row included', async () => {
    await programme()
    const rows = csvRows(
      { number: '70-980', title: 'Pro: Imported Exam' },
      { number: '71-980', title: 'Beta: Pro: Imported Exam', ...BETA },
      { number: '098-980', title: 'Cloud Fundamentals', family: '', status: '' },
      { number: '070-981', title: 'Retired on arrival', status: 'retired' },
    )
    expect(await importExams(deps(), rows)).toEqual({ imported: 4 })
    expect(await numbersInCatalogue()).toEqual(['070-980', '070-981', '071-980', '098-980'])
    expect(await getExam(deps(), '071-980')).toMatchObject({
      family: 'beta',
      status: 'beta',
      betaOf: '070-980',
      betaPeriod: { start: Date.parse(BETA.betaStart), end: Date.parse(BETA.betaEnd) },
    })
    expect(await getExam(deps(), '098-980')).toMatchObject({ family: 'mta', status: 'live' })
    expect(await getExam(deps(), '070-981')).toMatchObject({ status: 'retired' })
  })

  it('imports nothing when two rows among good ones are bad, and lists both with their lines', async () => {
    await programme()
    const rows = csvRows(
      { number: '70-980', title: 'Pro: Imported Exam' },
      { number: '7O-981', title: 'Typo in the number' },
      { number: '71-980', title: 'Beta: Pro: Imported Exam', ...BETA },
      { number: '70-982', title: 'Pro: Another' },
      {
        number: '71-982',
        title: 'Beta: Pro: Another',
        betaStart: BETA.betaEnd,
        betaEnd: BETA.betaStart,
      },
    )
    const refusal = await refusalOf(importExams(deps(), rows))
    expect(refusal.code).toBe('IMPORT_INVALID')
    expect(refusal.message).toBe('Nothing was imported: 2 row(s) have problems.')
    expect(refusal.facts.problems).toEqual([
      {
        line: 3,
        field: 'number',
        code: 'EXAM_NUMBER_MALFORMED',
        message: expect.stringContaining('7O-981'),
      },
      {
        line: 6,
        field: 'betaPeriod.end',
        code: 'BETA_PERIOD_INVALID',
        message: 'The beta period must end after it starts.',
      },
    ])
    expect(await numbersInCatalogue()).toEqual([])
  })

  it('reports rows that clash with the catalogue or with each other, and other bad fields', async () => {
    await programme()
    await createExam(deps(), { number: '70-620', title: 'Already there' })
    const rows = csvRows(
      { number: '070-620', title: 'Clashes with the catalogue' },
      { number: '70-983', title: 'Fine' },
      { number: '070-983', title: 'Same exam, other spelling' },
      { number: '70-984', title: 'Odd status', status: 'archived' },
      { number: '71-985', title: 'Beta of nothing', ...BETA },
      { number: '71-984', title: 'Beta of a refused row', ...BETA },
      { number: '99-100', title: 'No family' },
      { number: '70-986', title: '' },
    )
    const refusal = await refusalOf(importExams(deps(), rows))
    expect(refusal.code).toBe('IMPORT_INVALID')
    const problems = refusal.facts.problems as { line: number; field: string; code: string }[]
    expect(problems.map(({ line, field, code }) => ({ line, field, code }))).toEqual([
      { line: 2, field: 'number', code: 'EXAM_ALREADY_EXISTS' },
      { line: 4, field: 'number', code: 'EXAM_ALREADY_EXISTS' },
      { line: 5, field: 'status', code: 'VALIDATION_FAILED' },
      { line: 6, field: 'betaOf', code: 'BETA_OF_INVALID' },
      // 070-984 was on a refused row, so its beta has no twin either.
      { line: 7, field: 'betaOf', code: 'BETA_OF_INVALID' },
      { line: 8, field: 'family', code: 'FAMILY_UNKNOWN' },
      { line: 9, field: 'title', code: 'VALIDATION_FAILED' },
    ])
    expect(await numbersInCatalogue()).toEqual(['070-620'])
  })

  it('imports an empty batch as nothing', async () => {
    await programme()
    expect(await importExams(deps(), [])).toEqual({ imported: 0 })
  })
})
