import { describe, expect, it } from 'vitest'
import { operatorPrincipal } from '../../src/app/actor.js'
import { register } from '../../src/app/registrations/register.js'
import { call, expectOk, instant, registerCandidate, useApi } from '../api/api-harness.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { TEST_MAIL_SETTINGS } from '../factories/mail.js'
import { testDatabases } from '../support/databases.js'

// Who may book which seat is the access matrix's question, not this test's.
const PROVIDER = {
  tokenId: 'booking-site',
  role: 'provider',
  channel: 'api',
  principal: operatorPrincipal('booking-site'),
} as const

describe.each(testDatabases())('registration ids on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it('draws a new id when the one drawn is taken, instead of calling it a second booking', async () => {
    const w = get()
    expectOk(
      await call(w, 'POST', '/v1/exams', { number: '70-620', title: 'TS: Windows Vista' }),
      201,
    )
    await deliver(w.db, 'prometric', ['070-620'])
    const slot = await createSlot(w.db, await createCentre(w.db), instant('2026-07-01T09:00:00Z'))
    const [ana, ben] = [
      await registerCandidate(w, { email: 'ana@example.com' }),
      await registerCandidate(w, { email: 'ben@example.com' }),
    ]
    // The source gives the first id twice, as a random source may.
    const drawn = ['K7QM-2X9P-4RTC', 'K7QM-2X9P-4RTC', 'M2PD-9TRW-K7QX']
    const deps = {
      db: w.db,
      clock: w.clock,
      mail: TEST_MAIL_SETTINGS,
      drawRegistrationId: () => drawn.shift()!,
    }
    const book = (candidateId: string, key: string) =>
      register(deps, { candidateId, exam: '70-620', slotId: slot }, PROVIDER, {
        principalId: 'booking-site',
        key,
      })

    expect((await book(ana, 'k1')).result.id).toBe('K7QM-2X9P-4RTC')
    const second = await book(ben, 'k2')
    expect(second.result.id).toBe('M2PD-9TRW-K7QX')
    expect(second.result.candidateId).toBe(ben)
    expect(drawn).toEqual([])
  })
})
