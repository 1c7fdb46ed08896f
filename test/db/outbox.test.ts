import { describe, expect, it } from 'vitest'
import {
  claimDueMail,
  enqueueMail,
  findMail,
  markFailedAttempt,
  markSent,
  selectMailPage,
} from '../../src/db/mail/outbox.js'
import { createCandidate, FACTORY_EPOCH } from '../factories/catalogue.js'
import { confirmationMessage, mailMessage } from '../factories/mail.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

const MINUTE = 60_000
const LEASE = 5 * MINUTE

describe.each(testDatabases())('the outbox on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  it('keeps one mail per dedupe key, however often it is enqueued', async () => {
    const first = mailMessage({ dedupeKey: 'registration-confirmed:R1:1' })
    expect(await enqueueMail(db(), first)).toBe(true)
    // A retried use case builds the mail again with a new id: still one mail.
    expect(await enqueueMail(db(), mailMessage({ dedupeKey: first.dedupeKey }))).toBe(false)
    const { items, total } = await selectMailPage(db(), { limit: 10, offset: 0 })
    expect(total).toBe(1)
    expect(items[0]?.id).toBe(first.id)
  })

  it('enqueues inside the caller’s transaction, and not at all when it rolls back', async () => {
    const kept = mailMessage()
    const dropped = mailMessage()
    await db()
      .transaction()
      .execute((trx) => enqueueMail(trx, kept))
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await enqueueMail(trx, dropped)
          throw new Error('the use case failed')
        }),
    ).rejects.toThrow('the use case failed')
    expect(await findMail(db(), kept.id)).not.toBeNull()
    expect(await findMail(db(), dropped.id)).toBeNull()
  })

  it('stores the mail as given, attachments included', async () => {
    const message = confirmationMessage()
    await enqueueMail(db(), message)
    expect(await findMail(db(), message.id)).toEqual({
      ...message,
      status: 'pending',
      tries: 0,
      lastError: null,
      availableAt: message.createdAt,
      claimedUntil: null,
      sentAt: null,
    })
  })

  it('claims only due mail no worker holds, counting a try, oldest first', async () => {
    const later = mailMessage({ createdAt: FACTORY_EPOCH + 2 * MINUTE })
    const older = mailMessage({ createdAt: FACTORY_EPOCH - MINUTE })
    const now = mailMessage({ createdAt: FACTORY_EPOCH })
    for (const message of [later, older, now]) await enqueueMail(db(), message)

    const claimed = await claimDueMail(db(), FACTORY_EPOCH, LEASE, 10)
    expect(claimed.map((mail) => mail.id)).toEqual([older.id, now.id])
    expect(claimed.map((mail) => [mail.tries, mail.claimedUntil])).toEqual([
      [1, FACTORY_EPOCH + LEASE],
      [1, FACTORY_EPOCH + LEASE],
    ])
    // Held: nobody else gets them while the lease lasts.
    expect(await claimDueMail(db(), FACTORY_EPOCH + LEASE - 1, LEASE, 10)).toEqual([
      expect.objectContaining({ id: later.id }),
    ])
  })

  it('lets another worker take over mail whose claim ran out (its worker died)', async () => {
    const message = mailMessage()
    await enqueueMail(db(), message)
    await claimDueMail(db(), FACTORY_EPOCH, LEASE, 10)
    const again = await claimDueMail(db(), FACTORY_EPOCH + LEASE, LEASE, 10)
    expect(again.map((mail) => [mail.id, mail.tries])).toEqual([[message.id, 2]])
  })

  it('claims at most the batch size', async () => {
    for (let i = 0; i < 5; i++) await enqueueMail(db(), mailMessage())
    expect(await claimDueMail(db(), FACTORY_EPOCH, LEASE, 3)).toHaveLength(3)
    expect(await claimDueMail(db(), FACTORY_EPOCH, LEASE, 3)).toHaveLength(2)
    expect(await claimDueMail(db(), FACTORY_EPOCH, LEASE, 3)).toHaveLength(0)
  })

  it('records a delivery once: sent mail is never claimed again', async () => {
    const message = mailMessage()
    await enqueueMail(db(), message)
    await claimDueMail(db(), FACTORY_EPOCH, LEASE, 10)
    expect(await markSent(db(), message.id, FACTORY_EPOCH + 1000)).toBe(true)
    expect(await markSent(db(), message.id, FACTORY_EPOCH + 2000)).toBe(false)
    expect(await findMail(db(), message.id)).toMatchObject({
      status: 'sent',
      sentAt: FACTORY_EPOCH + 1000,
      claimedUntil: null,
      tries: 1,
    })
    expect(await claimDueMail(db(), FACTORY_EPOCH + 10 * LEASE, LEASE, 10)).toEqual([])
  })

  it('holds a failed mail back until its retry time, and gives up when told', async () => {
    const message = mailMessage()
    await enqueueMail(db(), message)
    await claimDueMail(db(), FACTORY_EPOCH, LEASE, 10)
    const retryAt = FACTORY_EPOCH + 30_000
    expect(await markFailedAttempt(db(), message.id, '451 try later', retryAt, false)).toBe(true)
    expect(await findMail(db(), message.id)).toMatchObject({
      status: 'pending',
      lastError: '451 try later',
      availableAt: retryAt,
      claimedUntil: null,
    })
    expect(await claimDueMail(db(), retryAt - 1, LEASE, 10)).toEqual([])
    expect(await claimDueMail(db(), retryAt, LEASE, 10)).toHaveLength(1)

    await markFailedAttempt(db(), message.id, 'x'.repeat(5000), retryAt + MINUTE, true)
    const failed = await findMail(db(), message.id)
    expect(failed).toMatchObject({ status: 'failed', tries: 2 })
    expect(failed?.lastError).toHaveLength(1000)
    expect(await claimDueMail(db(), retryAt + 10 * LEASE, LEASE, 10)).toEqual([])
  })

  it('lists mail newest first, filtered by status and candidate, paged, without bodies', async () => {
    const ana = await createCandidate(db())
    const ben = await createCandidate(db())
    const a1 = confirmationMessage({ candidateId: ana.id, createdAt: FACTORY_EPOCH })
    const a2 = mailMessage({ candidateId: ana.id, createdAt: FACTORY_EPOCH + MINUTE })
    const b1 = mailMessage({ candidateId: ben.id, createdAt: FACTORY_EPOCH + 2 * MINUTE })
    for (const message of [a1, a2, b1]) await enqueueMail(db(), message)
    await claimDueMail(db(), FACTORY_EPOCH + 3 * MINUTE, LEASE, 10)
    await markSent(db(), a1.id, FACTORY_EPOCH + 3 * MINUTE)

    const all = await selectMailPage(db(), { limit: 10, offset: 0 })
    expect(all.total).toBe(3)
    expect(all.items.map((mail) => mail.id)).toEqual([b1.id, a2.id, a1.id])
    expect(all.items[2]).not.toHaveProperty('bodyText')
    expect(all.items[2]?.attachments).toEqual([
      { filename: a1.attachments[0]?.filename, contentType: a1.attachments[0]?.contentType },
    ])

    const anas = await selectMailPage(db(), { candidateId: ana.id, limit: 1, offset: 1 })
    expect([anas.total, anas.items.map((mail) => mail.id)]).toEqual([2, [a1.id]])
    const sent = await selectMailPage(db(), { status: 'sent', limit: 10, offset: 0 })
    expect([sent.total, sent.items.map((mail) => mail.id)]).toEqual([1, [a1.id]])
    const pendingOfAna = await selectMailPage(db(), {
      status: 'pending',
      candidateId: ana.id,
      limit: 10,
      offset: 0,
    })
    expect(pendingOfAna.items.map((mail) => mail.id)).toEqual([a2.id])
  })

  it('gives each mail to one claimer when several claim at once', async () => {
    const count = 60
    for (let i = 0; i < count; i++) await enqueueMail(db(), mailMessage())
    // On PostgreSQL the pool runs these on separate connections, truly at once.
    const rounds = await Promise.all(
      Array.from({ length: 8 }, () => claimDueMail(db(), FACTORY_EPOCH, LEASE, 10)),
    )
    const ids = rounds.flat().map((mail) => mail.id)
    for (let more = await claimDueMail(db(), FACTORY_EPOCH, LEASE, 10); more.length > 0; ) {
      ids.push(...more.map((mail) => mail.id))
      more = await claimDueMail(db(), FACTORY_EPOCH, LEASE, 10)
    }
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toHaveLength(count)
  })
})
