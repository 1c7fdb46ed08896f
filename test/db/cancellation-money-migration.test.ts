import { describe, expect, it } from 'vitest'
import { findProvider } from '../../src/db/catalogue/providers.js'
import { writeInstant } from '../../src/db/engine/columns.js'
import * as cancellationMoney from '../../src/db/engine/migrations/0014-cancellation-money.js'
import { findPaymentOf } from '../../src/db/registrations/payments.js'
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

const BEFORE = migrationsBefore('0014-cancellation-money')

describe.each(testDatabases())('migration 0014-cancellation-money on $name', ({ open }) => {
  it('gives stored providers a full refund, and payments the role and channel their audit entry names', async () => {
    const database = await open({ migrate: false })
    try {
      const { db } = database
      for (const migration of BEFORE) await migration.up(db)
      await createFamily(db)
      await createExam(db, { number: '070-620' })
      await createProvider(db)
      const candidate = await createCandidate(db, { id: 'candidate-1' }, { searchTerms: false })
      const slot = await createSlot(db, await createCentre(db), FACTORY_EPOCH + 86_400_000)
      const at = writeInstant(FACTORY_EPOCH)
      const registration = (id: string, status: 'booked' | 'completed') => ({
        id,
        candidate_id: candidate.id,
        exam_number: '070-620',
        slot_id: slot.id,
        provider_id: 'pearson',
        status,
        channel: 'phone' as const,
        booked_by: 'token-s',
        booked_by_role: 'support',
        created_at: at,
        updated_at: at,
        payment_status: 'paid' as const,
      })
      await db
        .insertInto('registrations')
        .values([
          registration('PAID-LATE-RRRR', 'booked'),
          registration('PAID-ATBK-RRRR', 'completed'),
        ])
        .execute()
      const audit = (
        id: string,
        subject: string,
        action: string,
        actor: string,
        role: string,
        channel: string,
      ) => ({
        id,
        at,
        actor_id: actor,
        actor_role: role,
        channel,
        candidate_id: candidate.id,
        subject_type: 'registration',
        subject_id: subject,
        action,
        detail: '{}',
      })
      await db
        .insertInto('audit_log')
        .values([
          audit('a1', 'PAID-LATE-RRRR', 'registered', 'token-s', 'support', 'phone'),
          audit('a2', 'PAID-LATE-RRRR', 'paid', 'token-a', 'admin', 'api'),
          audit('a3', 'PAID-ATBK-RRRR', 'registered', 'token-s', 'support', 'phone'),
        ])
        .execute()
      const payment = (id: string, registrationId: string, recordedBy: string) => ({
        id,
        registration_id: registrationId,
        method: 'card' as const,
        currency: 'USD',
        cents: 16_500,
        recorded_at: at,
        recorded_by: recordedBy,
      })
      await db
        .insertInto('payments')
        .values([
          payment('p1', 'PAID-LATE-RRRR', 'token-a'),
          payment('p2', 'PAID-ATBK-RRRR', 'token-s'),
        ])
        .execute()

      await cancellationMoney.up(db)

      expect(await findPaymentOf(db, 'PAID-LATE-RRRR')).toMatchObject({
        recordedBy: 'token-a',
        recordedByRole: 'admin',
        channel: 'api',
      })
      expect(await findPaymentOf(db, 'PAID-ATBK-RRRR')).toMatchObject({
        recordedBy: 'token-s',
        recordedByRole: 'support',
        channel: 'phone',
      })
      expect((await findProvider(db, 'pearson'))?.cancellationRefund).toEqual({
        fullRefundHours: 0,
        lateFeePercent: 100,
      })
    } finally {
      await database.close()
    }
  })
})
