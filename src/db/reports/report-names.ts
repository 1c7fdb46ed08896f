import type { Kysely } from 'kysely'
import type { DB } from '../engine/schema.js'

export interface CentreName {
  readonly name: string
  readonly city: string
  readonly providerId: string
}

/** The name, city and provider of each centre named. */
export async function findCentreNames(
  db: Kysely<DB>,
  ids: readonly string[],
): Promise<Map<string, CentreName>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('test_centres')
    .select(['id', 'name', 'city', 'provider_id'])
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((r) => [r.id, { name: r.name, city: r.city, providerId: r.provider_id }]))
}

/** The title of each exam named. */
export async function findExamTitles(
  db: Kysely<DB>,
  numbers: readonly string[],
): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map()
  const rows = await db
    .selectFrom('exams')
    .select(['number', 'title'])
    .where('number', 'in', [...new Set(numbers)])
    .execute()
  return new Map(rows.map((r) => [r.number, r.title]))
}
