import type { Kysely } from 'kysely'
import type { CancellationRefundRule } from '../../domain/cancellation-refund.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Provider } from '../../domain/provider.js'
import type { DB } from '../engine/schema.js'

/** A provider to store; its rules default to the schema's (24 hours each, a full refund). */
export interface NewProvider {
  readonly id: string
  readonly name: string
  readonly rescheduleCutoffHours?: number
  readonly cancelCutoffHours?: number
  readonly cancellationRefund?: CancellationRefundRule
}

/** A provider with every rule it keeps: changes, and the money of a cancellation. */
export interface StoredProvider extends Provider {
  readonly cancellationRefund: CancellationRefundRule
}

/** A provider's rules for changing an appointment, in hours before it starts, and for refunds. */
export interface ProviderRules {
  readonly rescheduleCutoffHours: number
  readonly cancelCutoffHours: number
  /** Left as it is when absent. */
  readonly cancellationRefund?: CancellationRefundRule
}

const PROVIDER_COLUMNS = [
  'id',
  'name',
  'reschedule_cutoff_hours',
  'cancel_cutoff_hours',
  'full_refund_hours',
  'late_fee_percent',
] as const

interface ProviderRow {
  readonly id: string
  readonly name: string
  readonly reschedule_cutoff_hours: number
  readonly cancel_cutoff_hours: number
  readonly full_refund_hours: number
  readonly late_fee_percent: number
}

function toProvider(row: ProviderRow): StoredProvider {
  return {
    id: row.id,
    name: row.name,
    rescheduleCutoffHours: row.reschedule_cutoff_hours,
    cancelCutoffHours: row.cancel_cutoff_hours,
    cancellationRefund: {
      fullRefundHours: row.full_refund_hours,
      lateFeePercent: row.late_fee_percent,
    },
  }
}

function refundColumns(rule: CancellationRefundRule | undefined) {
  return rule === undefined
    ? {}
    : { full_refund_hours: rule.fullRefundHours, late_fee_percent: rule.lateFeePercent }
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
      ...refundColumns(provider.cancellationRefund),
    })
    .execute()
}

/** The provider with this id, with its change rules, or null. */
export async function findProvider(db: Kysely<DB>, id: string): Promise<StoredProvider | null> {
  const row = await db
    .selectFrom('providers')
    .select(PROVIDER_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst()
  return row ? toProvider(row) : null
}

/** Every provider, ordered by id. */
export async function listProviders(db: Kysely<DB>): Promise<StoredProvider[]> {
  const rows = await db.selectFrom('providers').select(PROVIDER_COLUMNS).orderBy('id').execute()
  return rows.map(toProvider)
}

/** Sets a provider's rules; false when there is no such provider. */
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
      ...refundColumns(rules.cancellationRefund),
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
