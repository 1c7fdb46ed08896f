import type { Kysely } from 'kysely'
import type { Certification } from '../../domain/certification.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { DB } from '../engine/schema.js'

/** Stores a certification and the exams that earn it. */
export async function insertCertification(
  db: Kysely<DB>,
  certification: Certification,
): Promise<void> {
  await db
    .insertInto('certifications')
    .values({
      id: certification.id,
      name: certification.name,
      validity_months: certification.validityMonths,
    })
    .execute()
  if (certification.exams.length === 0) return
  await db
    .insertInto('certification_exams')
    .values(
      certification.exams.map((exam) => ({
        certification_id: certification.id,
        exam_number: exam,
      })),
    )
    .execute()
}

/** Every certification with its exams (ascending), ordered by id. */
export async function listCertifications(db: Kysely<DB>): Promise<Certification[]> {
  return selectCertifications(db, null)
}

/**
 * The certifications that any of these exams count towards, each with all
 * of its exams (not only the ones asked about).
 */
export async function listCertificationsForExams(
  db: Kysely<DB>,
  numbers: readonly ExamNumber[],
): Promise<Certification[]> {
  if (numbers.length === 0) return []
  return selectCertifications(db, numbers)
}

async function selectCertifications(
  db: Kysely<DB>,
  numbers: readonly ExamNumber[] | null,
): Promise<Certification[]> {
  let certifications = db.selectFrom('certifications').selectAll().orderBy('id')
  let links = db
    .selectFrom('certification_exams')
    .selectAll()
    .orderBy('certification_id')
    .orderBy('exam_number')
  if (numbers !== null) {
    const matching = db
      .selectFrom('certification_exams')
      .select('certification_id')
      .where('exam_number', 'in', numbers)
    certifications = certifications.where('id', 'in', matching)
    links = links.where('certification_id', 'in', matching)
  }
  // One query after the other: `db` may be a transaction, which has one connection.
  const rows = await certifications.execute()
  const linkRows = await links.execute()
  const examsOf = new Map<string, ExamNumber[]>()
  for (const link of linkRows) {
    const list = examsOf.get(link.certification_id)
    if (list) list.push(link.exam_number)
    else examsOf.set(link.certification_id, [link.exam_number])
  }
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    exams: examsOf.get(row.id) ?? [],
    validityMonths: row.validity_months,
  }))
}
