import { describe, expect, it } from 'vitest'
import { claimDueMail, enqueueMail, markFailedAttempt, markSent } from '../../src/db/mail/outbox.js'
import type { OutboxMessage } from '../../src/domain/outbox-mail.js'
import { createCandidate } from '../factories/catalogue.js'
import { mailMessage } from '../factories/mail.js'
import { testDatabases } from '../support/databases.js'
import { type ApiWorld, call, expectOk, expectProblem, NOW, useApi } from './api-harness.js'

interface QueuedOut {
  readonly id: string
  readonly status: string
  readonly tries: number
  readonly lastError: string | null
  readonly waitedMinutes: number
  readonly subject: string
}

interface QueueOut {
  readonly items: QueuedOut[]
  readonly total: number
  readonly stuckAfterMinutes: number
}

const MINUTE = 60_000
const REASON = 'The relay refused everything this morning; it is back'

/** A mail written `minutesAgo` before NOW, then sent, failed for good, or left waiting. */
async function mailFrom(
  w: ApiWorld,
  minutesAgo: number,
  how: 'sent' | 'failed' | 'pending',
  overrides: Partial<OutboxMessage> = {},
): Promise<OutboxMessage> {
  const mail = mailMessage({ createdAt: NOW - minutesAgo * MINUTE, ...overrides })
  await enqueueMail(w.db, mail)
  if (how === 'pending') return mail
  await w.db.updateTable('outbox').set({ tries: 0 }).where('id', '=', mail.id).execute()
  await claimDueMail(w.db, NOW, 60_000, 100)
  if (how === 'sent') await markSent(w.db, mail.id, NOW)
  else await markFailedAttempt(w.db, mail.id, '550 mailbox unavailable', NOW, true)
  return mail
}

function queue(w: ApiWorld, role: 'support' | 'admin' | 'provider' = 'support') {
  return call(w, 'GET', '/v1/admin/mail-queue', undefined, role)
}

function retry(
  w: ApiWorld,
  mailId: string,
  body: unknown = { reason: REASON, channel: 'web' },
  key: string | null = `retry-${mailId}`,
  role: 'support' | 'admin' | 'provider' = 'support',
) {
  return call(
    w,
    'POST',
    `/v1/admin/mail/${mailId}/retry`,
    body,
    role,
    key === null ? {} : { 'idempotency-key': key },
  )
}

describe.each(testDatabases())('the mail queue ($name)', ({ open }) => {
  const world = useApi(open, { demo: false })

  it('lists failed mail and mail waiting longer than 15 minutes, oldest first, with how long each waited', async () => {
    const w = world()
    const failedLately = await mailFrom(w, 5, 'failed')
    const stuck = await mailFrom(w, 90, 'pending')
    const failedLong = await mailFrom(w, 60 * 26, 'failed')
    await mailFrom(w, 10, 'pending') // waiting, but not for long
    await mailFrom(w, 600, 'sent')
    const { items, total, stuckAfterMinutes } = expectOk<QueueOut>(await queue(w))
    expect(stuckAfterMinutes).toBe(15)
    expect(total).toBe(3)
    expect(items.map((mail) => [mail.id, mail.status, mail.waitedMinutes])).toEqual([
      [failedLong.id, 'failed', 60 * 26],
      [stuck.id, 'pending', 90],
      [failedLately.id, 'failed', 5],
    ])
    expect(items[0]!.lastError).toBe('550 mailbox unavailable')
    // Sixteen minutes on, the mail that waited ten has waited too long as well.
    w.clock.set(NOW + 6 * MINUTE)
    expect(expectOk<QueueOut>(await queue(w)).total).toBe(4)
    expectProblem(await queue(w, 'provider'), 403, 'FORBIDDEN')
  })

  it('puts a failed mail back to be sent now, tried afresh, and records who and why', async () => {
    const w = world()
    const ana = await createCandidate(w.db)
    const failed = await mailFrom(w, 60, 'failed', {
      candidateId: ana.id,
      recipient: ana.email,
      kind: 'voucher-issued',
    })
    const retried = expectOk<QueuedOut>(await retry(w, failed.id))
    expect(retried).toMatchObject({ id: failed.id, status: 'pending', tries: 0 })
    // The worker takes it at once, as one mail, the same one.
    const claimed = await claimDueMail(w.db, NOW, 60_000, 100)
    expect(claimed.map((mail) => [mail.id, mail.dedupeKey])).toEqual([
      [failed.id, failed.dedupeKey],
    ])
    const trail = expectOk<{ items: Record<string, unknown>[] }>(
      await call(w, 'GET', `/v1/candidates/${ana.id}/audit`, undefined, 'support'),
    )
    expect(trail.items[0]).toMatchObject({
      action: 'mail-retried',
      subject: { type: 'mail', id: failed.id },
      actor: { role: 'support' },
      channel: 'web',
      reason: REASON,
    })
  })

  it('answers one retry for one Idempotency-Key, and refuses mail not failed, an unknown one and no reason', async () => {
    const w = world()
    const failed = await mailFrom(w, 60, 'failed')
    expectOk(await retry(w, failed.id, undefined, 'key-1'))
    const again = await retry(w, failed.id, undefined, 'key-1')
    expect(expectOk<QueuedOut>(again).id).toBe(failed.id)
    expect(again.headers['idempotent-replayed']).toBe('true')
    // A second press with a new key finds it waiting already.
    const twice = expectProblem(
      await retry(w, failed.id, undefined, 'key-2'),
      409,
      'MAIL_NOT_FAILED',
    )
    expect(twice).toMatchObject({ mailId: failed.id, mailStatus: 'pending', field: 'id' })
    const sent = await mailFrom(w, 60, 'sent')
    expect(expectProblem(await retry(w, sent.id), 409, 'MAIL_NOT_FAILED').mailStatus).toBe('sent')
    expectProblem(await retry(w, 'no-such-mail'), 404, 'MAIL_NOT_FOUND')
    const other = await mailFrom(w, 60, 'failed')
    expectProblem(await retry(w, other.id, {}, 'key-3'), 400, 'VALIDATION_FAILED', 'reason')
    expectProblem(await retry(w, other.id, undefined, null), 400, 'IDEMPOTENCY_KEY_REQUIRED')
    expectProblem(await retry(w, other.id, undefined, 'key-4', 'provider'), 403, 'FORBIDDEN')
    const still = await w.db
      .selectFrom('outbox')
      .select('status')
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow()
    expect(still.status).toBe('failed')
  })
})
