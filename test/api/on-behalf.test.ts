import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createToken, findTokenHolder } from '../../src/app/access/api-tokens.js'
import { fixedClock } from '../../src/app/clock.js'
import { readConfig } from '../../src/config.js'
import { setExamPricing } from '../../src/db/catalogue/exam-prices.js'
import type { Database } from '../../src/db/engine/database.js'
import { operationPolicy } from '../../src/domain/access-policy.js'
import type { Principal } from '../../src/domain/principal.js'
import { apiRoutes } from '../../src/http/api-routes.js'
import { buildApp } from '../../src/http/build-app.js'
import { readMailSettings } from '../../src/mail/mail-settings.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { preparedTokens, testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  expectProblem,
  instant,
  NOW,
  registerCandidate,
} from './api-harness.js'

/**
 * Changes made for a candidate name who made them. Maria Lopez is a support
 * agent signed in as a person: until sign-in exists, her session's principal
 * is what a test-only bearer value stands for, beside the real tokens of
 * every role (which stand for no person, only their label).
 */
const MARIA: Principal = {
  id: 'acct-maria',
  role: 'support',
  tokenId: null,
  accountId: 'acct-maria',
  sessionId: 'session-maria',
  signedInAt: null,
  displayName: 'Maria Lopez',
  tokenLabel: null,
  providerId: null,
  candidateId: null,
}
const AS_MARIA = { authorization: 'Bearer maria-session' }
const EXAM = '070-620'

interface Registration {
  readonly id: string
  readonly provider: { readonly id: string; readonly name: string }
  readonly bookedBy: Record<string, unknown>
}

interface HistoryEntry {
  readonly action: string
  readonly actor: Record<string, unknown>
  readonly channel: string
  readonly reason: string | null
  readonly onBehalf: boolean
  readonly summary: string | null
}

describe.each(testDatabases())('on behalf, by name, on $name', ({ open }) => {
  let database: Database | undefined
  let world: ApiWorld | undefined

  beforeEach(async () => {
    database = await open({ content: 'programme' })
    const clock = fixedClock(NOW)
    const deps = { db: database.db, clock, mail: readMailSettings(readConfig({})) }
    const app = await buildApp({
      authenticate: async (token) =>
        token === 'maria-session'
          ? MARIA
          : ((await findTokenHolder(deps, token))?.principal ?? null),
      checkHealth: async () => {},
      routes: apiRoutes(deps),
      policyOf: operationPolicy,
    })
    world = { app, db: database.db, clock, tokens: preparedTokens() }
    await call(world, 'POST', '/v1/exams', {
      number: '70-620',
      title: 'TS: Configuring Windows Vista Client',
    })
    await deliver(database.db, 'prometric', [EXAM])
    await deliver(database.db, 'pearson-vue', [EXAM])
  })
  afterEach(async () => {
    await world?.app.close()
    await database?.close()
    world = undefined
    database = undefined
  })
  const w = () => world!

  async function historyOf(id: string): Promise<HistoryEntry[]> {
    const read = expectOk<{ history: HistoryEntry[] }>(
      await call(w(), 'GET', `/v1/registrations/${id}`, undefined, 'support'),
    )
    return read.history
  }

  async function mailBodies(candidateId: string, kind: string): Promise<string[]> {
    const rows = await w()
      .db.selectFrom('outbox')
      .select('id')
      .where('candidate_id', '=', candidateId)
      .where('kind', '=', kind)
      .orderBy('created_at')
      .execute()
    const bodies: string[] = []
    for (const row of rows) {
      bodies.push(
        expectOk<{ bodyText: string }>(await call(w(), 'GET', `/v1/admin/mail/${row.id}`)).bodyText,
      )
    }
    return bodies
  }

  it.each([
    ['email', 'by email'],
    ['chat', 'by chat'],
    ['in-person', 'in person'],
  ])(
    'records a booking asked for by %s as chosen, and names it to the candidate',
    async (channel, words) => {
      const lea = await registerCandidate(w())
      const centre = await createCentre(w().db, { timeZone: 'America/New_York' })
      const slot = await createSlot(w().db, centre, instant('2026-07-01T13:00:00Z'))
      const reason = 'The candidate asked for the earliest seat'
      const booked = expectOk<Registration>(
        await call(
          w(),
          'POST',
          '/v1/registrations',
          { candidateId: lea, exam: '70-620', slotId: slot, channel, onBehalfReason: reason },
          null,
          { ...AS_MARIA, 'idempotency-key': `asked-${channel}` },
        ),
        201,
      )
      expect(booked.bookedBy.channel).toBe(channel)
      const [registered] = await historyOf(booked.id)
      expect(registered).toMatchObject({ channel })
      expect(registered?.summary).toContain(
        `by Maria Lopez (support) ${words} on Monday 15 June 2026`,
      )
      const trail = await w()
        .db.selectFrom('audit_log')
        .select(['channel'])
        .where('subject_id', '=', booked.id)
        .execute()
      expect(trail).toEqual([{ channel }])
      const stored = await w()
        .db.selectFrom('registrations')
        .select('channel')
        .where('id', '=', booked.id)
        .executeTakeFirstOrThrow()
      expect(stored.channel).toBe(channel)
    },
  )

  it('names the agent, the role, the channel and the reason of a booking by phone: in the registration, its history, the audit trail and the candidate’s mail, on the candidate’s clock', async () => {
    const lea = await registerCandidate(w())
    const centre = await createCentre(w().db, { timeZone: 'America/New_York' })
    const slot = await createSlot(w().db, centre, instant('2026-07-01T13:00:00Z'))
    const reason = 'The candidate called: the booking page kept timing out'
    const booked = expectOk<Registration>(
      await call(
        w(),
        'POST',
        '/v1/registrations',
        {
          candidateId: lea,
          exam: '70-620',
          slotId: slot,
          channel: 'phone',
          onBehalfReason: reason,
        },
        null,
        { ...AS_MARIA, 'idempotency-key': 'call-1' },
      ),
      201,
    )
    expect(booked.bookedBy).toEqual({
      tokenId: 'acct-maria',
      role: 'support',
      onBehalf: true,
      channel: 'phone',
      at: '2026-06-15T12:00:00.000Z',
      displayName: 'Maria Lopez',
      tokenLabel: null,
      providerId: null,
      reason,
    })

    // Monday 15 June 2026, 12:00 UTC, on Léa's clock in Paris (not the centre's, in New York).
    const told = `registered for you by Maria Lopez (support) by phone on Monday 15 June 2026, 14:00 (Europe/Paris, UTC+02:00): ${reason}.`
    const [registered] = await historyOf(booked.id)
    expect(registered).toMatchObject({
      action: 'registered',
      actor: {
        tokenId: 'acct-maria',
        role: 'support',
        accountId: 'acct-maria',
        displayName: 'Maria Lopez',
        tokenLabel: null,
        providerId: null,
      },
      channel: 'phone',
      reason,
      onBehalf: true,
      summary: `R${told.slice(1)}`,
    })

    const trail = await w()
      .db.selectFrom('audit_log')
      .select(['actor_id', 'actor_role', 'actor_account_id', 'actor_name', 'channel', 'reason'])
      .where('subject_id', '=', booked.id)
      .execute()
    expect(trail).toEqual([
      {
        actor_id: 'acct-maria',
        actor_role: 'support',
        actor_account_id: 'acct-maria',
        actor_name: 'Maria Lopez',
        channel: 'phone',
        reason,
      },
    ])

    const [confirmation] = await mailBodies(lea, 'registration-confirmed')
    expect(confirmation).toContain(`This was ${told}`)
    expect(confirmation).not.toMatch(/a support agent|someone/i)
  })

  it('says who moved and who cancelled a booking for the candidate, and why, each time', async () => {
    const lea = await registerCandidate(w())
    const centre = await createCentre(w().db)
    const first = await createSlot(w().db, centre, instant('2026-07-01T09:00:00Z'))
    const second = await createSlot(w().db, centre, instant('2026-07-02T09:00:00Z'))
    const booked = expectOk<Registration>(
      await book(w(), { candidateId: lea, slotId: first }, 'b'),
      201,
    )

    w().clock.set(NOW + 60 * 60_000)
    expectOk(
      await call(
        w(),
        'POST',
        `/v1/registrations/${booked.id}/reschedule`,
        { slotId: second, channel: 'phone', onBehalfReason: 'Asked for the next day' },
        null,
        AS_MARIA,
      ),
    )
    w().clock.set(NOW + 2 * 60 * 60_000)
    expectOk(
      await call(
        w(),
        'POST',
        `/v1/registrations/${booked.id}/cancel`,
        { channel: 'phone', onBehalfReason: 'Cannot travel after all' },
        null,
        AS_MARIA,
      ),
    )

    const history = await historyOf(booked.id)
    expect(history.map((entry) => [entry.action, entry.summary])).toEqual([
      ['registered', expect.stringMatching(/^Registered through Prometric on /)],
      [
        'rescheduled',
        'Rescheduled for you by Maria Lopez (support) by phone on Monday 15 June 2026, 15:00 (Europe/Paris, UTC+02:00): Asked for the next day.',
      ],
      [
        'cancelled',
        'Cancelled for you by Maria Lopez (support) by phone on Monday 15 June 2026, 16:00 (Europe/Paris, UTC+02:00): Cannot travel after all.',
      ],
    ])
    const [moved] = await mailBodies(lea, 'registration-rescheduled')
    expect(moved).toContain(
      'This was rescheduled for you by Maria Lopez (support) by phone on Monday 15 June 2026, 15:00 (Europe/Paris, UTC+02:00): Asked for the next day.',
    )
    const [cancelled] = await mailBodies(lea, 'registration-cancelled')
    expect(cancelled).toContain(
      'This was cancelled for you by Maria Lopez (support) by phone on Monday 15 June 2026, 16:00 (Europe/Paris, UTC+02:00): Cannot travel after all.',
    )
  })

  it('keeps who paid by name and why, apart from who booked', async () => {
    await setExamPricing(w().db, EXAM, {
      priceClass: 'regular',
      prices: [{ currency: 'USD', cents: 16_500 }],
    })
    const lea = await registerCandidate(w())
    const slot = await createSlot(
      w().db,
      await createCentre(w().db),
      instant('2026-07-01T09:00:00Z'),
    )
    const booked = expectOk<Registration>(
      await book(w(), { candidateId: lea, slotId: slot }, 'b'),
      201,
    )
    const paid = expectOk<Registration & { payment: { paidBy: Record<string, unknown> } }>(
      await call(
        w(),
        'POST',
        `/v1/registrations/${booked.id}/payment`,
        {
          method: 'card',
          currency: 'USD',
          cents: 16_500,
          channel: 'phone',
          onBehalfReason: 'Paid by card over the phone',
        },
        null,
        AS_MARIA,
      ),
    )
    expect(paid.payment.paidBy).toEqual({
      tokenId: 'acct-maria',
      role: 'support',
      channel: 'phone',
      displayName: 'Maria Lopez',
      tokenLabel: null,
      reason: 'Paid by card over the phone',
    })
    expect(paid.bookedBy).toMatchObject({ role: 'provider', displayName: null, reason: null })
    const paying = (await historyOf(booked.id)).find((entry) => entry.action === 'paid')
    expect(paying?.summary).toBe(
      'Paid for you by Maria Lopez (support) by phone on Monday 15 June 2026, 14:00 (Europe/Paris, UTC+02:00): Paid by card over the phone.',
    )
  })

  it('refuses a change by phone without a reason, 400 naming the field, and changes nothing', async () => {
    const lea = await registerCandidate(w())
    const centre = await createCentre(w().db)
    const slot = await createSlot(w().db, centre, instant('2026-07-01T09:00:00Z'))
    const other = await createSlot(w().db, centre, instant('2026-07-02T09:00:00Z'))
    const body = { candidateId: lea, exam: '70-620', slotId: slot, channel: 'phone' }
    const withKey = (key: string) => ({ ...AS_MARIA, 'idempotency-key': key })

    const missing = expectProblem(
      await call(w(), 'POST', '/v1/registrations', body, null, withKey('k1')),
      400,
      'ON_BEHALF_REASON_REQUIRED',
      'onBehalfReason',
    )
    expect(missing.detail).toContain('say why you act for the candidate')
    // A token's support staff say why too, when they say it is a phone call.
    expectProblem(
      await call(w(), 'POST', '/v1/registrations', body, 'support', { 'idempotency-key': 'k2' }),
      400,
      'ON_BEHALF_REASON_REQUIRED',
      'onBehalfReason',
    )
    for (const unstorable of ['   ', 'Called\nback', 'Called\u202Eback', 'x'.repeat(501)]) {
      expectProblem(
        await call(
          w(),
          'POST',
          '/v1/registrations',
          { ...body, onBehalfReason: unstorable },
          null,
          withKey(`k-${[...unstorable].length}-${unstorable.charCodeAt(6)}`),
        ),
        400,
        'VALIDATION_FAILED',
        'onBehalfReason',
      )
    }
    const registrations = await w()
      .db.selectFrom('registrations')
      .select('id')
      .where('candidate_id', '=', lea)
      .execute()
    expect(registrations).toEqual([])
    expect(await mailBodies(lea, 'registration-confirmed')).toEqual([])

    const booked = expectOk<Registration>(
      await book(w(), { candidateId: lea, slotId: slot }, 'b'),
      201,
    )
    for (const [path, change] of [
      ['reschedule', { slotId: other, channel: 'phone' }],
      ['cancel', { channel: 'phone' }],
    ] as const) {
      expectProblem(
        await call(w(), 'POST', `/v1/registrations/${booked.id}/${path}`, change, null, AS_MARIA),
        400,
        'ON_BEHALF_REASON_REQUIRED',
        'onBehalfReason',
      )
    }
    expect((await historyOf(booked.id)).map((entry) => entry.action)).toEqual(['registered'])
  })

  it('names a staff token by its label when no person acted, through the API, where a reason is not asked for', async () => {
    const lea = await registerCandidate(w())
    const slot = await createSlot(
      w().db,
      await createCentre(w().db),
      instant('2026-07-01T09:00:00Z'),
    )
    const booked = expectOk<Registration>(
      await book(w(), { candidateId: lea, slotId: slot }, 'b', 'support'),
      201,
    )
    expect(booked.bookedBy).toMatchObject({
      role: 'support',
      channel: 'api',
      displayName: null,
      tokenLabel: 'api test support',
      reason: null,
    })
    const [confirmation] = await mailBodies(lea, 'registration-confirmed')
    expect(confirmation).toContain(
      'This was registered for you by “api test support” (support) through an integration on Monday 15 June 2026, 14:00 (Europe/Paris, UTC+02:00).',
    )
  })

  it('records the provider of a provider’s booking and tells the candidate it was booked through it', async () => {
    const lea = await registerCandidate(w(), { timeZone: 'Australia/Sydney' })
    const { token } = await createToken(
      { db: w().db, clock: w().clock },
      { role: 'provider', label: 'Pearson VUE booking site', providerId: 'pearson-vue' },
    )
    const centre = await createCentre(w().db, { providerId: 'pearson-vue' })
    const slot = await createSlot(w().db, centre, instant('2026-07-01T09:00:00Z'))
    const booked = expectOk<Registration>(
      await call(
        w(),
        'POST',
        '/v1/registrations',
        { candidateId: lea, exam: '70-620', slotId: slot, channel: 'web' },
        null,
        { authorization: `Bearer ${token}`, 'idempotency-key': 'site-1' },
      ),
      201,
    )
    expect(booked.bookedBy).toMatchObject({
      role: 'provider',
      onBehalf: false,
      channel: 'web',
      providerId: 'pearson-vue',
      tokenLabel: 'Pearson VUE booking site',
      displayName: null,
      reason: null,
    })
    // 12:00 UTC is 22:00 in Sydney, on the candidate's clock.
    const through =
      'registered through Pearson VUE on Monday 15 June 2026, 22:00 (Australia/Sydney, UTC+10:00)'
    const [registered] = await historyOf(booked.id)
    expect(registered).toMatchObject({
      actor: {
        role: 'provider',
        providerId: 'pearson-vue',
        tokenLabel: 'Pearson VUE booking site',
      },
      onBehalf: false,
      summary: `R${through.slice(1)}.`,
    })
    const [confirmation] = await mailBodies(lea, 'registration-confirmed')
    expect(confirmation).toContain(`This was ${through}.`)
  })
})
