import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { invitationDedupeKeySql } from '../../src/db/beta/wave-invitations.js'
import { computeInvitationDedupeKey } from '../../src/domain/invitation-wave.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

describe.each(testDatabases())('wave invitations on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  it('compose the invitation dedupe key in SQL as the domain does', async () => {
    const waveId = '0190f3a2-7c4e-7d1b-9f00-1a2b3c4d5e6f'
    const candidateId = 'cand-42'
    const row = await db()
      .selectNoFrom(invitationDedupeKeySql(sql.val(waveId), sql.val(candidateId)).as('key'))
      .executeTakeFirstOrThrow()
    expect(row.key).toBe(computeInvitationDedupeKey(waveId, candidateId))
  })
})
