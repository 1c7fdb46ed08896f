import { describe, expect, it } from 'vitest'
import { claimDueMail, enqueueMail, markSent } from '../../src/db/mail/outbox.js'
import { composeAppointmentMail } from '../../src/mail/compose-appointment-mail.js'
import { computeMessageId } from '../../src/mail/message-id.js'
import { createCandidate } from '../factories/catalogue.js'
import { confirmationAsFacts, confirmationMessage, mailMessage } from '../factories/mail.js'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, expectProblem, NOW, useApi } from './api-harness.js'

interface MailOut {
  readonly id: string
  readonly kind: string
  readonly dedupeKey: string
  readonly messageId: string
  readonly candidateId: string | null
  readonly recipient: string
  readonly subject: string
  readonly status: string
  readonly tries: number
  readonly lastError: string | null
  readonly availableAt: string
  readonly createdAt: string
  readonly sentAt: string | null
  readonly bodyText?: string
  readonly attachments: { filename: string; contentType: string; content?: string }[]
}

describe.each(testDatabases())('the outbox over HTTP ($name)', ({ open }) => {
  const world = useApi(open, { demo: false })

  async function scene() {
    const { db } = world()
    const ana = await createCandidate(db)
    const ben = await createCandidate(db)
    const confirmation = confirmationMessage({ candidateId: ana.id, createdAt: NOW - 2000 })
    const reminder = mailMessage({ candidateId: ana.id, createdAt: NOW - 1000 })
    const other = mailMessage({ candidateId: ben.id, createdAt: NOW })
    for (const message of [confirmation, reminder, other]) await enqueueMail(db, message)
    await claimDueMail(db, NOW, 60_000, 10)
    await markSent(db, confirmation.id, NOW)
    return { ana, ben, confirmation, reminder, other }
  }

  it('lists mail newest first for admins and support, attachments by name only', async () => {
    const { confirmation, reminder, other } = await scene()
    for (const role of ['admin', 'support'] as const) {
      const page = expectOk<{ items: MailOut[]; total: number }>(
        await call(world(), 'GET', '/v1/admin/mail', undefined, role),
      )
      expect(page.total).toBe(3)
      expect(page.items.map((mail) => mail.id)).toEqual([other.id, reminder.id, confirmation.id])
    }
    const page = expectOk<{ items: MailOut[] }>(await call(world(), 'GET', '/v1/admin/mail'))
    expect(page.items[2]).toEqual({
      id: confirmation.id,
      kind: 'registration-confirmed',
      dedupeKey: confirmation.dedupeKey,
      messageId: computeMessageId(confirmation.dedupeKey),
      candidateId: confirmation.candidateId,
      recipient: 'ana@example.test',
      subject: confirmation.subject,
      status: 'sent',
      tries: 1,
      lastError: null,
      availableAt: new Date(NOW - 2000).toISOString(),
      createdAt: new Date(NOW - 2000).toISOString(),
      sentAt: new Date(NOW).toISOString(),
      attachments: [
        {
          filename: confirmation.attachments[0]!.filename,
          contentType: 'text/calendar; charset=utf-8; method=REQUEST',
        },
      ],
    })
  })

  it('filters by status and candidate, and pages', async () => {
    const { ana, reminder, confirmation } = await scene()
    const anas = expectOk<{ items: MailOut[]; total: number }>(
      await call(world(), 'GET', `/v1/admin/mail?candidateId=${ana.id}&limit=1&offset=1`),
    )
    expect([anas.total, anas.items.map((mail) => mail.id)]).toEqual([2, [confirmation.id]])
    const pending = expectOk<{ items: MailOut[]; total: number }>(
      await call(world(), 'GET', `/v1/admin/mail?status=pending&candidateId=${ana.id}`),
    )
    expect(pending.items.map((mail) => mail.id)).toEqual([reminder.id])
  })

  it('filters by the address mail went to, whatever its case', async () => {
    const { confirmation, reminder } = await scene()
    const toAna = expectOk<{ items: MailOut[]; total: number }>(
      await call(
        world(),
        'GET',
        '/v1/admin/mail?recipient=%20ANA@Example.test%20',
        undefined,
        'support',
      ),
    )
    expect([toAna.total, toAna.items.map((mail) => mail.id)]).toEqual([1, [confirmation.id]])
    const toReminder = expectOk<{ items: MailOut[] }>(
      await call(world(), 'GET', `/v1/admin/mail?recipient=${reminder.recipient.toUpperCase()}`),
    )
    expect(toReminder.items.map((mail) => mail.id)).toEqual([reminder.id])
  })

  it('shows one mail with its text and calendar', async () => {
    const { confirmation } = await scene()
    const mail = expectOk<MailOut>(
      await call(world(), 'GET', `/v1/admin/mail/${confirmation.id}`, undefined, 'support'),
    )
    expect(mail.bodyText).toBe(confirmation.bodyText)
    expect(mail.attachments).toEqual(confirmation.attachments)
  })

  it('shows a mail stored as facts as it will be sent, in the list and alone', async () => {
    const { db } = world()
    const ana = await createCandidate(db)
    const asFacts = confirmationAsFacts({ candidateId: ana.id, createdAt: NOW })
    await enqueueMail(db, asFacts)
    const expected = composeAppointmentMail(asFacts.facts)

    const page = expectOk<{ items: MailOut[] }>(
      await call(world(), 'GET', `/v1/admin/mail?candidateId=${ana.id}`),
    )
    expect(page.items).toEqual([
      expect.objectContaining({
        id: asFacts.id,
        subject: expected.subject,
        status: 'pending',
        attachments: expected.attachments.map(({ filename, contentType }) => ({
          filename,
          contentType,
        })),
      }),
    ])
    expect(page.items[0]).not.toHaveProperty('facts')
    const mail = expectOk<MailOut>(await call(world(), 'GET', `/v1/admin/mail/${asFacts.id}`))
    expect(mail).toMatchObject({ subject: expected.subject, bodyText: expected.bodyText })
    expect(mail.attachments).toEqual(expected.attachments)
  })

  it('refuses providers, and answers an unknown id or status with a problem', async () => {
    await scene()
    expectProblem(
      await call(world(), 'GET', '/v1/admin/mail', undefined, 'provider'),
      403,
      'FORBIDDEN',
    )
    expectProblem(
      await call(world(), 'GET', '/v1/admin/mail/nope', undefined, 'provider'),
      403,
      'FORBIDDEN',
    )
    expectProblem(
      await call(world(), 'GET', '/v1/admin/mail', undefined, null),
      401,
      'UNAUTHENTICATED',
    )
    expectProblem(await call(world(), 'GET', '/v1/admin/mail/nope'), 404, 'MAIL_NOT_FOUND', 'id')
    expectProblem(
      await call(world(), 'GET', '/v1/admin/mail?status=lost'),
      400,
      'VALIDATION_FAILED',
      'status',
    )
  })
})
