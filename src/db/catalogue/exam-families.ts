import type { Kysely } from 'kysely'
import type { ExamFamily } from '../../domain/exam-family.js'
import type { DB } from '../engine/schema.js'

/** Stores a family and its number prefixes. */
export async function insertFamily(db: Kysely<DB>, family: ExamFamily): Promise<void> {
  await db
    .insertInto('exam_families')
    .values({ id: family.id, name: family.name, policy_id: family.policyId })
    .execute()
  if (family.prefixes.length === 0) return
  await db
    .insertInto('family_prefixes')
    .values(family.prefixes.map((prefix) => ({ prefix, family_id: family.id })))
    .execute()
}

/** Every family with its prefixes (ascending), ordered by id. */
export async function listFamilies(db: Kysely<DB>): Promise<ExamFamily[]> {
  // One query after the other: `db` may be a transaction, which has one connection.
  const families = await db.selectFrom('exam_families').selectAll().orderBy('id').execute()
  const prefixes = await db.selectFrom('family_prefixes').selectAll().orderBy('prefix').execute()
  const prefixesOf = new Map<string, string[]>()
  for (const row of prefixes) {
    const list = prefixesOf.get(row.family_id)
    if (list) list.push(row.prefix)
    else prefixesOf.set(row.family_id, [row.prefix])
  }
  return families.map((row) => ({
    id: row.id,
    name: row.name,
    prefixes: prefixesOf.get(row.id) ?? [],
    policyId: row.policy_id,
  }))
}
