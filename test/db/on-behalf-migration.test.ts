import { describe, expect, it } from 'vitest'
import {
  describeHistory,
  REGISTRATION_VERBS,
} from '../../src/app/registrations/registration-history.js'
import { appendAudit, listAuditOf } from '../../src/db/audit-log.js'
import { writeInstant } from '../../src/db/engine/columns.js'
import * as onBehalf from '../../src/db/engine/migrations/0018-on-behalf.js'
import { FACTORY_EPOCH } from '../factories/catalogue.js'
import { testDatabases } from '../support/databases.js'
import { migrationsBefore } from '../support/migrations-before.js'

const BEFORE = migrationsBefore('0018-on-behalf')
const PROMETRIC = { id: 'prometric', name: 'Prometric' }

describe.each(testDatabases())('migration 0018-on-behalf on $name', ({ open }) => {
  it('keeps entries recorded before it, unnamed and told by role as before, and names the ones after', async () => {
    const database = await open({ migrate: false })
    try {
      const { db } = database
      for (const migration of BEFORE) await migration.up(db)
      await db
        .insertInto('audit_log')
        .values({
          id: '01-old',
          at: writeInstant(FACTORY_EPOCH),
          actor_id: 'token-support',
          actor_role: 'support',
          channel: 'phone',
          candidate_id: null,
          subject_type: 'registration',
          subject_id: 'REG-1',
          action: 'registered',
          detail: '{}',
        } as never)
        .execute()

      await onBehalf.up(db)

      await appendAudit(db, {
        id: '02-new',
        at: FACTORY_EPOCH + 60_000,
        actorId: 'acct-maria',
        actorRole: 'support',
        channel: 'phone',
        actorAccountId: 'acct-maria',
        actorName: 'Maria Lopez',
        actorLabel: null,
        actorProviderId: null,
        reason: 'Asked for a later seat',
        candidateId: null,
        subjectType: 'registration',
        subjectId: 'REG-1',
        action: 'rescheduled',
        detail: {},
      })
      const entries = await listAuditOf(db, 'registration', 'REG-1')
      expect(entries.map((entry) => [entry.actorName, entry.reason])).toEqual([
        [null, null],
        ['Maria Lopez', 'Asked for a later seat'],
      ])
      const told = describeHistory(entries, {
        verbs: REGISTRATION_VERBS,
        timeZone: 'UTC',
        provider: PROMETRIC,
      }).map((entry) => entry.summary)
      expect(told[0]).toMatch(/^Registered for you by a support agent by phone on /)
      expect(told[1]).toMatch(
        /^Rescheduled for you by Maria Lopez \(support\) by phone on .+: Asked for a later seat\.$/,
      )
    } finally {
      await database.close()
    }
  })
})
