import { describe, expect, it } from 'vitest'
import {
  insertCertification,
  listCertifications,
  listCertificationsForExams,
} from '../../src/db/candidates/certifications.js'
import type { Certification } from '../../src/domain/certification.js'
import { createExam, createFamily } from '../factories/catalogue.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

describe.each(testDatabases())('certifications on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  const mcsa: Certification = {
    id: 'mcsa-bi',
    name: 'MCSA: BI Reporting',
    exams: ['070-778', '070-779'],
    validityMonths: null,
  }
  const mos: Certification = {
    id: 'mos-word',
    name: 'MOS: Word',
    exams: ['070-620'],
    validityMonths: 36,
  }

  async function catalogue() {
    await createFamily(db())
    for (const number of ['070-620', '070-778', '070-779', '070-999']) {
      await createExam(db(), { number })
    }
    // Exams given out of order come back sorted.
    await insertCertification(db(), { ...mcsa, exams: ['070-779', '070-778'] })
    await insertCertification(db(), mos)
    await insertCertification(db(), { id: 'draft', name: 'Draft', exams: [], validityMonths: 12 })
  }

  it('store certifications with their exams and list them by id', async () => {
    await catalogue()
    expect(await listCertifications(db())).toEqual([
      { id: 'draft', name: 'Draft', exams: [], validityMonths: 12 },
      mcsa,
      mos,
    ])
  })

  it('find the certifications some exams count towards, each with all of its exams', async () => {
    await catalogue()
    expect(await listCertificationsForExams(db(), ['070-779'])).toEqual([mcsa])
    expect(await listCertificationsForExams(db(), ['070-620', '070-778'])).toEqual([mcsa, mos])
    expect(await listCertificationsForExams(db(), ['070-999'])).toEqual([])
    expect(await listCertificationsForExams(db(), [])).toEqual([])
  })
})
