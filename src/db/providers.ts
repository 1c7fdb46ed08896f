import type { Kysely } from 'kysely'
import type { ExamNumber } from '../domain/exam-number.js'
import type { Provider } from '../domain/provider.js'
import type { DB } from './schema.js'

export type { Provider } from '../domain/provider.js'

/** A provider to store; its change rules default to the schema's (24 hours each). */
export interface NewProvider {
  readonly id: string
  readonly name: string
  readonly rescheduleCutoffHours?: number
  readonly cancelCutoffHours?: number
}

/** A provider's rules for changing an appointment, in hours before it starts. */
export interface ProviderRules {
  readonly rescheduleCutoffHours: number
  readonly cancelCutoffHours: number
}

const PROVIDER_COLUMNS = ['id', 'name', 'reschedule_cutoff_hours', 'cancel_cutoff_hours'] as const

interface ProviderRow {
  readonly id: string
  readonly name: string
  readonly reschedule_cutoff_hours: number
  readonly cancel_cutoff_hours: number
}

function toProvider(row: ProviderRow): Provider {
  return {
    id: row.id,
    name: row.name,
    rescheduleCutoffHours: row.reschedule_cutoff_hours,
    cancelCutoffHours: row.cancel_cutoff_hours,
  }
}

/** Stores a provider. */
export async function insertProvider(db: Kysely<DB>, provider: NewProvider): Promise<void> {
  await db
    .insertInto('providers')
    .values({
      id: provider.id,
      name: provider.name,
      ...(provider.rescheduleCutoffHours === undefined
        ? {}
        : { reschedule_cutoff_hours: provider.rescheduleCutoffHours }),
      ...(provider.cancelCutoffHours === undefined
        ? {}
        : { cancel_cutoff_hours: provider.cancelCutoffHours }),
    })
    .execute()
}

/** The provider with this id, with its change rules, or null. */
export async function findProvider(db: Kysely<DB>, id: string): Promise<Provider | null> {
  const row = await db
    .selectFrom('providers')
    .select(PROVIDER_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? toProvider(row) : null
}

/** Every provider, ordered by id. */
export async function listProviders(db: Kysely<DB>): Promise<Provider[]> {
  const rows = await db.selectFrom('providers').select(PROVIDER_COLUMNS).orderBy('id').execute()
  return rows.map(toProvider)
}

/** Sets a provider's change rules; false when there is no such provider. */
export async function updateProviderRules(
  db: Kysely<DB>,
  id: string,
  rules: ProviderRules,
): Promise<boolean> {
  const result = await db
    .updateTable('providers')
    .set({
      reschedule_cutoff_hours: rules.rescheduleCutoffHours,
      cancel_cutoff_hours: rules.cancelCutoffHours,
    })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Replaces the exams a provider delivers with `exams` (canonical numbers). */
export async function setProviderExams(
  db: Kysely<DB>,
  providerId: string,
  exams: readonly ExamNumber[],
): Promise<void> {
  await db.deleteFrom('provider_exams').where('provider_id', '=', providerId).execute()
  const unique = [...new Set(exams)]
  if (unique.length === 0) return
  await db
    .insertInto('provider_exams')
    .values(unique.map((exam) => ({ provider_id: providerId, exam_number: exam })))
    .execute()
}

/** Adds one exam to those a provider delivers; adding it again changes nothing. */
export async function addProviderExam(
  db: Kysely<DB>,
  providerId: string,
  exam: ExamNumber,
): Promise<void> {
  await db
    .insertInto('provider_exams')
    .values({ provider_id: providerId, exam_number: exam })
    .onConflict((oc) => oc.columns(['provider_id', 'exam_number']).doNothing())
    .execute()
}

/** The exams a provider delivers, ordered by number. */
export async function listProviderExams(db: Kysely<DB>, providerId: string): Promise<ExamNumber[]> {
  const rows = await db
    .selectFrom('provider_exams')
    .select('exam_number')
    .where('provider_id', '=', providerId)
    .orderBy('exam_number')
    .execute()
  return rows.map((row) => row.exam_number)
}

/** Every provider's exams, by provider id (a provider that delivers none is absent). */
export async function listAllProviderExams(db: Kysely<DB>): Promise<Map<string, ExamNumber[]>> {
  const rows = await db
    .selectFrom('provider_exams')
    .select(['provider_id', 'exam_number'])
    .orderBy('provider_id')
    .orderBy('exam_number')
    .execute()
  const byProvider = new Map<string, ExamNumber[]>()
  for (const row of rows) {
    const exams = byProvider.get(row.provider_id) ?? []
    exams.push(row.exam_number)
    byProvider.set(row.provider_id, exams)
  }
  return byProvider
}

/** Does this provider deliver this exam (canonical number)? */
export async function providerDelivers(
  db: Kysely<DB>,
  providerId: string,
  exam: ExamNumber,
): Promise<boolean> {
  const row = await db
    .selectFrom('provider_exams')
    .select('provider_id')
    .where('provider_id', '=', providerId)
    .where('exam_number', '=', exam)
    .executeTakeFirst()
  return row !== undefined
}
