import { describe, expect, it } from 'vitest'
import { type CreateExamInput, createExam } from '../../src/app/catalogue/create-exam.js'
import { getExam } from '../../src/app/catalogue/get-exam.js'
import { listExams } from '../../src/app/catalogue/list-exams.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { testDatabases } from '../support/databases.js'
import { refusalOf, useApp } from './scenario.js'

const BETA_PERIOD = { start: '2026-07-01T00:00:00Z', end: '2026-08-01T00:00:00Z' }

describe.each(testDatabases())('create-exam on $name', ({ open }) => {
  const { deps } = useApp(open)

  /** The programme (families, policies, providers) without the demo catalogue. */
  async function programme() {
    await loadDemo(deps(), false)
  }

  const add = (input: CreateExamInput) => createExam(deps(), input)
  const refused = (input: CreateExamInput) => refusalOf(add(input))
  const catalogueSize = async () => (await listExams(deps(), {})).total

  it('derives the family from the prefix in either spelling and stores the canonical number', async () => {
    await programme()
    const exam = await add({ number: '70-999', title: '  TS: Something New  ' })
    expect(exam).toEqual({
      number: '070-999',
      title: 'TS: Something New',
      family: 'general',
      policyId: 'general',
      status: 'live',
      betaOf: null,
      betaPeriod: null,
    })
    expect(await getExam(deps(), '070-999')).toEqual(exam)
    // The long spelling works as well, for any family's prefix.
    expect(await add({ number: '070-998', title: 'TS: Other' })).toMatchObject({
      number: '070-998',
      family: 'general',
    })
    expect(await add({ number: '098-998', title: 'Cloud Fundamentals' })).toMatchObject({
      number: '098-998',
      family: 'mta',
      policyId: 'mta-mce',
    })
  })

  it('takes an explicitly named family, even for a prefix no family claims', async () => {
    await programme()
    expect(
      await add({ number: '070-997', title: 'Academic twin', family: 'academic' }),
    ).toMatchObject({ number: '070-997', family: 'academic', policyId: 'general' })
    expect(await add({ number: '99-100', title: 'Dynamics', family: 'mos' })).toMatchObject({
      number: '099-100',
      family: 'mos',
      policyId: 'mos',
    })
  })

  it('refuses an unknown family or a prefix no family claims', async () => {
    await programme()
    expect(await refused({ number: '70-999', title: 'X', family: 'dynamics' })).toMatchObject({
      code: 'FAMILY_UNKNOWN',
      field: 'family',
      facts: { family: 'dynamics' },
    })
    expect(await refused({ number: '99-100', title: 'X' })).toMatchObject({
      code: 'FAMILY_UNKNOWN',
      field: 'family',
      facts: { prefix: '099' },
    })
    expect(await catalogueSize()).toBe(0)
  })

  it('refuses a duplicate, whichever spelling either uses', async () => {
    await programme()
    await add({ number: '70-999', title: 'First' })
    for (const number of ['070-999', '70-999', ' 70-999 ']) {
      expect(await refused({ number, title: 'Again' })).toMatchObject({
        code: 'EXAM_ALREADY_EXISTS',
        field: 'number',
        facts: { exam: '070-999' },
      })
    }
    expect((await getExam(deps(), '70-999')).title).toBe('First')
  })

  it('refuses a malformed number or an empty title, naming the field', async () => {
    await programme()
    for (const number of ['7O-620', '70620', '']) {
      expect(await refused({ number, title: 'Typo' })).toMatchObject({
        code: 'EXAM_NUMBER_MALFORMED',
        field: 'number',
        facts: { value: number },
      })
    }
    expect(await refused({ number: '70-999', title: '   ' })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'title',
    })
    expect(await catalogueSize()).toBe(0)
  })

  describe('beta exams', () => {
    async function withLiveTwin() {
      await programme()
      await add({ number: '70-990', title: 'Pro: Live Exam' })
    }

    it('a beta previews the live exam with the same serial and starts in beta', async () => {
      await withLiveTwin()
      const beta = await add({ number: '71-990', title: 'Beta: Pro', betaPeriod: BETA_PERIOD })
      expect(beta).toEqual({
        number: '071-990',
        title: 'Beta: Pro',
        family: 'beta',
        policyId: 'beta',
        status: 'beta',
        betaOf: '070-990',
        betaPeriod: {
          start: Date.parse(BETA_PERIOD.start),
          end: Date.parse(BETA_PERIOD.end),
        },
      })
      expect(await getExam(deps(), '071-990')).toEqual(beta)
    })

    it('a beta may name the exam it previews, in either spelling', async () => {
      await withLiveTwin()
      const beta = await add({
        number: '071-555',
        title: 'Beta under another serial',
        betaOf: '70-990',
        betaPeriod: BETA_PERIOD,
      })
      expect(beta.betaOf).toBe('070-990')
    })

    it('refuses a beta without a beta period, or with a reversed or unreadable one', async () => {
      await withLiveTwin()
      const beta = (betaPeriod?: { start: string; end: string }) =>
        refused({ number: '71-990', title: 'Beta', ...(betaPeriod ? { betaPeriod } : {}) })
      expect(await beta()).toMatchObject({ code: 'BETA_PERIOD_INVALID', field: 'betaPeriod' })
      for (const end of ['2026-06-30T00:00:00Z', BETA_PERIOD.start]) {
        expect(await beta({ start: BETA_PERIOD.start, end })).toMatchObject({
          code: 'BETA_PERIOD_INVALID',
          field: 'betaPeriod.end',
        })
      }
      expect(await beta({ start: '1 July 2026', end: BETA_PERIOD.end })).toMatchObject({
        code: 'INSTANT_INVALID',
        field: 'betaPeriod.start',
      })
      expect(await catalogueSize()).toBe(1)
    })

    it('refuses a beta whose live twin is missing or is itself a beta', async () => {
      await withLiveTwin()
      expect(
        await refused({ number: '71-989', title: 'Beta of nothing', betaPeriod: BETA_PERIOD }),
      ).toMatchObject({ code: 'BETA_OF_INVALID', field: 'betaOf' })
      await add({ number: '71-990', title: 'Beta', betaPeriod: BETA_PERIOD })
      expect(
        await refused({
          number: '71-991',
          title: 'Beta of a beta',
          betaOf: '71-990',
          betaPeriod: BETA_PERIOD,
        }),
      ).toMatchObject({ code: 'BETA_OF_INVALID', field: 'betaOf' })
      expect(await catalogueSize()).toBe(2)
    })

    it('refuses betaOf or a beta period on an exam of a family that is not beta', async () => {
      await withLiveTwin()
      expect(
        await refused({ number: '70-991', title: 'Not a beta', betaOf: '70-990' }),
      ).toMatchObject({ code: 'BETA_OF_INVALID', field: 'betaOf' })
      expect(
        await refused({ number: '70-991', title: 'Not a beta', betaPeriod: BETA_PERIOD }),
      ).toMatchObject({ code: 'BETA_OF_INVALID', field: 'betaPeriod' })
      expect(await catalogueSize()).toBe(1)
    })
  })
})
