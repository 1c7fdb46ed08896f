import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import type { DB } from '../../src/db/engine/schema.js'
import {
  findExceptionRequest,
  findStandingExceptionRequest,
  insertExceptionRequest,
  listExceptionRequestsOfCandidate,
  recordExceptionReview,
} from '../../src/db/exceptions/exception-requests.js'
import { insertRegistration } from '../../src/db/registrations/registrations.js'
import { holdWaiver, insertWaiver } from '../../src/db/retakes/waivers.js'
import type { ExceptionRequest } from '../../src/domain/exception-request.js'
import {
  createCandidate,
  createExam,
  createFamily,
  createProvider,
  FACTORY_EPOCH,
} from '../factories/catalogue.js'
import { createCentre, createSlot } from '../factories/centres.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

const HOUR = 3_600_000

/** A candidate's sat registration for 070-620, to ask about. */
async function scene(db: Kysely<DB>) {
  await createFamily(db)
  await createExam(db, { number: '070-620' })
  await createProvider(db)
  const candidate = await createCandidate(db, { id: 'candidate-1' })
  const centre = await createCentre(db)
  const slot = await createSlot(db, centre, FACTORY_EPOCH)
  await insertRegistration(db, {
    id: 'REG1-REG1-REG1',
    candidateId: candidate.id,
    exam: '070-620',
    slotId: slot.id,
    providerId: 'pearson',
    status: 'completed',
    channel: 'api',
    bookedBy: 'token-1',
    bookedByRole: 'provider',
    waiverId: null,
    attemptId: null,
    version: 1,
    createdAt: FACTORY_EPOCH,
    updatedAt: FACTORY_EPOCH,
    price: null,
    paymentStatus: 'not-required',
    holdExpiresAt: null,
    holdEnded: null,
  })
  return candidate
}

const request = (overrides: Partial<ExceptionRequest> = {}): ExceptionRequest => ({
  id: 'REQ1-REQ1-REQ1',
  candidateId: 'candidate-1',
  registrationId: 'REG1-REG1-REG1',
  exam: '070-620',
  firstName: 'Aroha',
  lastName: 'Ngata',
  email: 'candidate-1@example.test',
  description: 'The lab lost power forty minutes in.',
  providerCaseNumber: 'PV-1',
  reason: 'lab-crash',
  status: 'open',
  channel: 'api',
  requestedAt: FACTORY_EPOCH + HOUR,
  requestedBy: 'token-1',
  requestedByRole: 'provider',
  review: null,
  ...overrides,
})

const denial = {
  decision: 'denied' as const,
  at: FACTORY_EPOCH + 2 * HOUR,
  by: 'token-2',
  byRole: 'support',
  note: 'Ran normally.',
  waivesWait: false,
  waivesLimit: false,
  waiverId: null,
}

describe.each(testDatabases())('exception requests in $name', ({ open }) => {
  const db = useFreshDatabase(open)

  it('keeps one open or approved request per registration; a denied one makes room', async () => {
    await scene(db())
    await insertExceptionRequest(db(), request())
    await expect(insertExceptionRequest(db(), request({ id: 'REQ2-REQ2-REQ2' }))).rejects.toThrow(
      /unique/i,
    )
    expect(await recordExceptionReview(db(), 'REQ1-REQ1-REQ1', denial)).toBe(true)
    // Reviewed once: the conditional update finds it no longer open.
    expect(await recordExceptionReview(db(), 'REQ1-REQ1-REQ1', denial)).toBe(false)
    await insertExceptionRequest(db(), request({ id: 'REQ2-REQ2-REQ2' }))
    expect((await findStandingExceptionRequest(db(), 'REG1-REG1-REG1'))?.id).toBe('REQ2-REQ2-REQ2')
    expect(
      (await listExceptionRequestsOfCandidate(db(), 'candidate-1', { limit: 50, offset: 0 })).map(
        (r) => r.status,
      ),
    ).toEqual(['open', 'denied'])
  })

  it('refuses an approval without a waiver, and a reason the policy does not accept', async () => {
    await scene(db())
    await expect(
      insertExceptionRequest(db(), request({ reason: 'unprepared' as ExceptionRequest['reason'] })),
    ).rejects.toThrow(/check constraint/i)
    await insertExceptionRequest(db(), request())
    await expect(
      recordExceptionReview(db(), 'REQ1-REQ1-REQ1', { ...denial, decision: 'approved' }),
    ).rejects.toThrow(/check constraint/i)
  })

  it("reads an approval with its waiver's state", async () => {
    await scene(db())
    await insertExceptionRequest(db(), request())
    await insertWaiver(db(), {
      id: 'waiver-1',
      candidateId: 'candidate-1',
      exam: '070-620',
      waivesWait: true,
      waivesLimit: false,
      grantedAt: FACTORY_EPOCH + 2 * HOUR,
      note: 'Exception request REQ1-REQ1-REQ1: confirmed',
    })
    const approval = {
      ...denial,
      decision: 'approved' as const,
      waivesWait: true,
      waiverId: 'waiver-1',
    }
    expect(await recordExceptionReview(db(), 'REQ1-REQ1-REQ1', approval)).toBe(true)
    expect(await findExceptionRequest(db(), 'REQ1-REQ1-REQ1')).toMatchObject({
      status: 'approved',
      review: approval,
      waiver: { heldByRegistrationId: null, usedByAttemptId: null },
    })
    expect(await holdWaiver(db(), 'waiver-1', 'REG1-REG1-REG1')).toBe(true)
    expect((await findExceptionRequest(db(), 'REQ1-REQ1-REQ1'))?.waiver).toEqual({
      heldByRegistrationId: 'REG1-REG1-REG1',
      usedByAttemptId: null,
    })
  })
})
