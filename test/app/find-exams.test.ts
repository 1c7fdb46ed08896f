import { describe, expect, it } from 'vitest'
import { getExam } from '../../src/app/catalogue/get-exam.js'
import { type ListExamsInput, listExams } from '../../src/app/catalogue/list-exams.js'
import { testDatabases } from '../support/databases.js'
import { refusalOf, useDemoForReading } from './scenario.js'

/** get-exam and list-exams, on the 36-exam demo catalogue. */
describe.each(testDatabases())('finding exams on $name', ({ open }) => {
  const { deps } = useDemoForReading(open)

  async function search(input: ListExamsInput) {
    const { items, total } = await listExams(deps(), input)
    return { numbers: items.map((exam) => exam.number), total }
  }

  describe('get-exam', () => {
    it('finds an exam by either spelling of its number', async () => {
      const long = await getExam(deps(), '070-620')
      expect(long).toMatchObject({
        number: '070-620',
        title: 'TS: Configuring Windows Vista Client',
      })
      expect(await getExam(deps(), '70-620')).toEqual(long)
    })

    it('shows a beta with its live twin and its beta period', async () => {
      expect(await getExam(deps(), '71-621')).toMatchObject({
        number: '071-621',
        family: 'beta',
        status: 'beta',
        betaOf: '070-621',
        betaPeriod: { start: expect.any(Number), end: expect.any(Number) },
      })
    })

    it('refuses an unknown exam in its canonical spelling, and a malformed number', async () => {
      expect(await refusalOf(getExam(deps(), '70-999'))).toMatchObject({
        code: 'EXAM_NOT_FOUND',
        field: 'exam',
        facts: { exam: '070-999' },
      })
      expect(await refusalOf(getExam(deps(), 'seventy'))).toMatchObject({
        code: 'EXAM_NUMBER_MALFORMED',
        field: 'exam',
      })
    })
  })

  describe('list-exams', () => {
    it('lists the whole catalogue by number', async () => {
      const { numbers, total } = await search({})
      expect(total).toBe(36)
      expect(numbers).toHaveLength(36)
      expect(numbers.slice(0, 3)).toEqual(['062-193', '070-210', '070-270'])
      expect(numbers).toEqual([...numbers].sort())
    })

    it('finds an exam by its number in the short spelling', async () => {
      expect(await search({ q: '70-620' })).toEqual({ numbers: ['070-620'], total: 1 })
      expect(await search({ q: '070-620' })).toEqual({ numbers: ['070-620'], total: 1 })
    })

    it('finds exams by words of their title, ignoring case', async () => {
      const vista = ['070-620', '070-622', '070-623', '070-624', '071-622', '072-620']
      expect(await search({ q: 'windows vista' })).toEqual({ numbers: vista, total: 6 })
      expect(await search({ q: 'WINDOWS VISTA' })).toEqual({ numbers: vista, total: 6 })
      expect(await search({ q: 'excel' })).toEqual({
        numbers: ['077-420', '077-602', '077-727'],
        total: 3,
      })
    })

    it('matches wildcard characters in the text literally', async () => {
      expect(await search({ q: '%' })).toEqual({ numbers: [], total: 0 })
      expect(await search({ q: '_' })).toEqual({ numbers: [], total: 0 })
    })

    it('filters by family and by status, alone or together', async () => {
      expect((await search({ family: 'mta' })).total).toBe(7)
      expect(await search({ status: 'retired' })).toEqual({
        numbers: ['070-210', '070-270', '071-622', '077-602'],
        total: 4,
      })
      expect(await search({ family: 'general', status: 'retired' })).toEqual({
        numbers: ['070-210', '070-270'],
        total: 2,
      })
      expect(await search({ family: 'mos', q: 'word' })).toEqual({
        numbers: ['077-418', '077-725'],
        total: 2,
      })
    })

    it('pages the list while the total counts every match', async () => {
      expect(await search({ family: 'mta', limit: 2, offset: 1 })).toEqual({
        numbers: ['098-361', '098-364'],
        total: 7,
      })
    })
  })
})
