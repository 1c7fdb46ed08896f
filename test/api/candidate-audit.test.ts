import { describe, expect, it } from 'vitest'
import { newVoucher } from '../../src/app/vouchers/new-voucher.js'
import { appendAudit } from '../../src/db/audit-log.js'
import { insertVoucher } from '../../src/db/vouchers/vouchers.js'
import { STUDY_BOOK_DISCOUNT } from '../../src/demo/demo-offers.js'
import { maskCode } from '../../src/domain/code-mask.js'
import { formatVoucherCode } from '../../src/domain/voucher-code.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import {
  book,
  call,
  expectOk,
  expectProblem,
  NOW,
  registerCandidate,
  useApi,
} from './api-harness.js'

interface AuditOut {
  readonly at: string
  readonly action: string
  readonly subject: { readonly type: string; readonly id: string }
  readonly actor: {
    readonly tokenId: string
    readonly role: string
    readonly accountId: string | null
    readonly displayName: string | null
    readonly tokenLabel: string | null
    readonly providerId: string | null
  }
  readonly channel: string
  readonly reason: string | null
  readonly onBehalf: boolean
  readonly detail: Record<string, unknown>
}

interface Trail {
  readonly items: readonly AuditOut[]
  readonly total: number
}

const DAY_MS = 86_400_000

describe.each(testDatabases())("a candidate's audit timeline ($name)", ({ open }) => {
  const world = useApi(open)

  it('lists everything done to the candidate’s records, newest first: when, what, by whom, how and why, codes masked', async () => {
    const w = world()
    await deliver(w.db, 'prometric', ['070-620'])
    const lea = await registerCandidate(w)
    const other = await registerCandidate(w, { email: 'someone.else@example.fr' })
    const centre = await createCentre(w.db)
    const voucher = newVoucher(STUDY_BOOK_DISCOUNT, { candidateId: lea, issuedBy: 'test' }, NOW)
    await insertVoucher(w.db, voucher)
    const code = formatVoucherCode(voucher.code)

    // Booked by support on the phone with the candidate's code; then the name changed; then
    // the provider cancels for them. Another candidate's booking is not theirs.
    const booked = expectOk<{ id: string }>(
      await book(
        w,
        {
          candidateId: lea,
          slotId: await createSlot(w.db, centre, NOW + 10 * DAY_MS),
          voucherCode: code,
          payment: { method: 'card' },
          channel: 'phone',
          onBehalfReason: 'Could not book online',
        },
        'audit-1',
        'support',
      ),
      201,
    )
    w.clock.set(NOW + 60_000)
    expectOk(
      await call(
        w,
        'PATCH',
        `/v1/candidates/${lea}`,
        { lastName: 'Dubois', channel: 'phone', onBehalfReason: 'Married' },
        'support',
      ),
    )
    w.clock.set(NOW + 120_000)
    expectOk(await call(w, 'POST', `/v1/registrations/${booked.id}/cancel`, {}, 'provider'))
    expectOk(
      await book(
        w,
        { candidateId: other, slotId: await createSlot(w.db, centre, NOW + 11 * DAY_MS) },
        'audit-2',
      ),
      201,
    )

    const response = await call(w, 'GET', `/v1/candidates/${lea}/audit`, undefined, 'support')
    const trail = expectOk<Trail>(response)
    // Newest first; the cancellation's two entries share an instant and come in reverse order of writing.
    expect(trail.items.map((entry) => [entry.action, entry.subject.type])).toEqual([
      ['cancelled', 'registration'],
      ['voucher-returned', 'registration'],
      ['profile-changed', 'candidate'],
      ['registered', 'registration'],
    ])
    expect(trail.total).toBe(trail.items.length)
    const registered = trail.items.find((entry) => entry.action === 'registered')!
    expect(registered).toMatchObject({
      at: new Date(NOW).toISOString(),
      subject: { type: 'registration', id: booked.id },
      actor: { role: 'support', tokenLabel: 'api test support', providerId: null },
      channel: 'phone',
      reason: 'Could not book online',
      onBehalf: true,
    })
    const cancelled = trail.items.find((entry) => entry.action === 'cancelled')!
    expect(cancelled).toMatchObject({
      actor: { role: 'provider', providerId: 'prometric' },
      onBehalf: false,
    })
    expect(trail.items.find((entry) => entry.action === 'profile-changed')?.detail).toEqual({
      lastName: { from: 'Martin', to: 'Dubois' },
    })
    // The code is in the trail, masked: staff see which code, not the code.
    expect(response.body).not.toContain(code)
    expect(response.body).not.toContain(voucher.code)
    expect(response.body).toContain(maskCode(code))
  })

  it('masks a code that is itself the subject of an entry (a code issued to them)', async () => {
    const w = world()
    const lea = await registerCandidate(w)
    const code = 'N95RXKVNF7BN8VUGYP'
    await appendAudit(w.db, {
      id: 'audit-code-issued',
      at: NOW,
      actorId: 'support-token',
      actorRole: 'support',
      channel: 'phone',
      candidateId: lea,
      subjectType: 'voucher',
      subjectId: code,
      action: 'voucher-issued',
      detail: {},
    })
    const response = await call(w, 'GET', `/v1/candidates/${lea}/audit`, undefined, 'support')
    const trail = expectOk<Trail>(response)
    expect(trail.items.find((entry) => entry.action === 'voucher-issued')?.subject).toEqual({
      type: 'voucher',
      id: '••••••-••••••-••UGYP',
    })
    expect(response.body).not.toContain(code)
  })

  it('comes a page at a time, and answers an unknown candidate as missing', async () => {
    const w = world()
    const lea = await registerCandidate(w)
    for (const [i, lastName] of ['Dubois', 'Roux', 'Petit'].entries()) {
      w.clock.set(NOW + i * 60_000)
      expectOk(await call(w, 'PATCH', `/v1/candidates/${lea}`, { lastName }, 'admin'))
    }
    const page = expectOk<Trail>(
      await call(w, 'GET', `/v1/candidates/${lea}/audit?limit=2&offset=1`, undefined, 'support'),
    )
    expect(page.total).toBe(3)
    expect(page.items.map((entry) => entry.detail.lastName)).toEqual([
      { from: 'Dubois', to: 'Roux' },
      { from: 'Martin', to: 'Dubois' },
    ])
    expectProblem(
      await call(w, 'GET', '/v1/candidates/no-such-candidate/audit', undefined, 'support'),
      404,
      'CANDIDATE_NOT_FOUND',
    )
    expectProblem(
      await call(w, 'GET', `/v1/candidates/${lea}/audit`, undefined, 'provider'),
      403,
      'FORBIDDEN',
    )
  })
})
