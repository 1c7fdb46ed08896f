import { type Kysely, sql } from 'kysely'
import type { Exam, ExamStatus } from '../../domain/exam.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import type { PriceClass } from '../../domain/offer.js'
import {
  countRows,
  readOptionalInstant,
  writeInstant,
  writeOptionalInstant,
} from '../engine/columns.js'
import type { DB } from '../engine/schema.js'

/** An exam to store: the domain exam without its policy (that comes from its family), plus when it was made. */
export interface NewExam extends Omit<Exam, 'policyId'> {
  readonly createdAt: Instant
  /** `regular` unless said; the list prices are set apart (`exam-prices.ts`). */
  readonly priceClass?: PriceClass
}

/** Which exams `listExams` and `countExams` return; every field narrows. */
export interface ExamFilter {
  readonly family?: string
  readonly status?: ExamStatus
  /** Case-insensitive substring of the number or the title. */
  readonly q?: string
}

export interface ExamPage extends ExamFilter {
  readonly limit?: number
  readonly offset?: number
}

/** Stores an exam. */
export async function insertExam(db: Kysely<DB>, exam: NewExam): Promise<void> {
  await db
    .insertInto('exams')
    .values({
      number: exam.number,
      title: exam.title,
      family_id: exam.family,
      status: exam.status,
      beta_of: exam.betaOf,
      beta_start: writeOptionalInstant(exam.betaPeriod?.start ?? null),
      beta_end: writeOptionalInstant(exam.betaPeriod?.end ?? null),
      created_at: writeInstant(exam.createdAt),
      price_class: exam.priceClass ?? 'regular',
    })
    .execute()
}

/** The exam with this number, its policy read from its family; null when there is none. */
export async function findExam(db: Kysely<DB>, number: ExamNumber): Promise<Exam | null> {
  const row = await fromExams(db)
    .select(EXAM_COLUMNS)
    .where('exams.number', '=', number)
    .executeTakeFirst()
  return row ? toExam(row) : null
}

/** The exams with these numbers, by number, in one statement; a number not found is left out. */
export async function findExams(
  db: Kysely<DB>,
  numbers: readonly ExamNumber[],
): Promise<Map<ExamNumber, Exam>> {
  if (numbers.length === 0) return new Map()
  const rows = await fromExams(db)
    .select(EXAM_COLUMNS)
    .where('exams.number', 'in', numbers)
    .execute()
  return new Map(rows.map((row) => [row.number, toExam(row)]))
}

/** The exams the filter admits, ordered by number. */
export async function listExams(db: Kysely<DB>, page: ExamPage = {}): Promise<Exam[]> {
  let query = filterExams(fromExams(db), page).select(EXAM_COLUMNS).orderBy('exams.number')
  if (page.limit !== undefined) query = query.limit(page.limit)
  if (page.offset !== undefined) query = query.offset(page.offset)
  const rows = await query.execute()
  return rows.map(toExam)
}

/** How many exams the filter admits. */
export async function countExams(db: Kysely<DB>, filter: ExamFilter = {}): Promise<number> {
  return countRows(filterExams(fromExams(db), filter))
}

const EXAM_COLUMNS = [
  'exams.number',
  'exams.title',
  'exams.family_id',
  'exams.status',
  'exams.beta_of',
  'exams.beta_start',
  'exams.beta_end',
  'exam_families.policy_id',
] as const

/** Exams with their family, whose policy is the exam's policy. */
function fromExams(db: Kysely<DB>) {
  return db.selectFrom('exams').innerJoin('exam_families', 'exam_families.id', 'exams.family_id')
}

type ExamQuery = ReturnType<typeof fromExams>

function filterExams(query: ExamQuery, filter: ExamFilter): ExamQuery {
  let filtered = query
  if (filter.family !== undefined) filtered = filtered.where('exams.family_id', '=', filter.family)
  if (filter.status !== undefined) filtered = filtered.where('exams.status', '=', filter.status)
  if (filter.q !== undefined && filter.q !== '') {
    // lower() on both sides because LIKE ignores case on SQLite but not on
    // PostgreSQL (SQLite's lower() folds ASCII only); wildcards in the search
    // text are escaped so that they match literally.
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`
    filtered = filtered.where((eb) =>
      eb.or([
        sql<boolean>`lower(${eb.ref('exams.number')}) like ${pattern} escape '\\'`,
        sql<boolean>`lower(${eb.ref('exams.title')}) like ${pattern} escape '\\'`,
      ]),
    )
  }
  return filtered
}

interface ExamRow {
  readonly number: string
  readonly title: string
  readonly family_id: string
  readonly status: ExamStatus
  readonly beta_of: string | null
  readonly beta_start: string | Date | null
  readonly beta_end: string | Date | null
  readonly policy_id: string
}

function toExam(row: ExamRow): Exam {
  const start = readOptionalInstant(row.beta_start)
  const end = readOptionalInstant(row.beta_end)
  return {
    number: row.number,
    title: row.title,
    family: row.family_id,
    policyId: row.policy_id,
    status: row.status,
    betaOf: row.beta_of,
    // The schema lets a beta exam have only one end set; the domain knows a period only whole.
    betaPeriod: start === null || end === null ? null : { start, end },
  }
}
