import { describe, expect, it } from 'vitest'
import { writeInstant } from '../../src/db/engine/columns.js'
import * as unpaidHolds from '../../src/db/engine/migrations/0011-unpaid-holds.js'
import { findRegistration } from '../../src/db/registrations/registrations.js'
import {
  createCandidate,
  createExam,
  createFamily,
  createProvider,
  FACTORY_EPOCH,
} from '../factories/catalogue.js'
import { createCentre, createSlot } from '../factories/centres.js'
import { testDatabases } from '../support/databases.js'
import { migrationsBefore } from '../support/migrations-before.js'

const BEFORE = migrationsBefore('0011-unpaid-holds')

describe.each(testDatabases())('migration 0011-unpaid-holds on $name', ({ open }) => {
  it('gives holds booked before it 30 minutes from their booking, and nothing to the others', async () => {
    const database = await open({ migrate: false })
    try {
      const { db } = database
      for (const migration of BEFORE) await migration.up(db)
      await createFamily(db)
      await createExam(db, { number: '070-620' })
      await createProvider(db)
      const candidate = await createCandidate(db, { id: 'candidate-1' }, { searchTerms: false })
      const slot = await createSlot(db, await createCentre(db), FACTORY_EPOCH + 86_400_000)
      const row = (id: string, status: 'booked' | 'cancelled', paymentStatus: 'due' | 'paid') => ({
        id,
        candidate_id: candidate.id,
        exam_number: '070-620',
        slot_id: slot.id,
        provider_id: 'pearson',
        status,
        channel: 'api' as const,
        booked_by: 'token-1',
        booked_by_role: 'provider',
        created_at: writeInstant(FACTORY_EPOCH),
        updated_at: writeInstant(FACTORY_EPOCH),
        payment_status: paymentStatus,
      })
      await db
        .insertInto('registrations')
        .values([
          row('HELD-HELD-HELD', 'booked', 'due'),
          row('PAID-PAID-PAID', 'cancelled', 'paid'),
          row('GONE-GONE-GONE', 'cancelled', 'due'),
        ])
        .execute()

      await unpaidHolds.up(db)

      const held = await findRegistration(db, 'HELD-HELD-HELD')
      expect(held?.holdExpiresAt).toBe(FACTORY_EPOCH + 30 * 60_000)
      expect(held?.holdEnded).toBeNull()
      expect((await findRegistration(db, 'PAID-PAID-PAID'))?.holdExpiresAt).toBeNull()
      expect((await findRegistration(db, 'GONE-GONE-GONE'))?.holdExpiresAt).toBeNull()
    } finally {
      await database.close()
    }
  })
})
