import type { Kysely, Selectable } from 'kysely'
import type { PolicyVersion } from '../../domain/policy-version.js'
import { readFlag, readInstant, writeFlag, writeInstant } from '../engine/columns.js'
import type { DB, PolicyVersionTable } from '../engine/schema.js'

/** Stores one version of a retake policy. */
export async function insertPolicyVersion(db: Kysely<DB>, version: PolicyVersion): Promise<void> {
  await db
    .insertInto('policy_versions')
    .values({
      policy_id: version.policyId,
      version: version.version,
      name: version.name,
      effective_from: writeInstant(version.effectiveFrom),
      kind: version.kind,
      wait_hours: JSON.stringify(version.waitHours),
      attempt_limit: version.attemptLimit,
      period_months: version.periodMonths,
      retake_after_pass: writeFlag(version.retakeAfterPass),
    })
    .execute()
}

/** The versions of one policy, or of all, ordered by policy, effective date and version. */
export async function listPolicyVersions(
  db: Kysely<DB>,
  policyId?: string,
): Promise<PolicyVersion[]> {
  let query = db.selectFrom('policy_versions').selectAll()
  if (policyId !== undefined) query = query.where('policy_id', '=', policyId)
  const rows = await query
    .orderBy('policy_id')
    .orderBy('effective_from')
    .orderBy('version')
    .execute()
  return rows.map(toPolicyVersion)
}

function toPolicyVersion(row: Selectable<PolicyVersionTable>): PolicyVersion {
  return {
    policyId: row.policy_id,
    version: row.version,
    name: row.name,
    effectiveFrom: readInstant(row.effective_from),
    kind: row.kind,
    waitHours: JSON.parse(row.wait_hours) as number[],
    attemptLimit: row.attempt_limit,
    periodMonths: row.period_months,
    retakeAfterPass: readFlag(row.retake_after_pass),
  }
}
