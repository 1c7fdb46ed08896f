import { describe, expect, it } from 'vitest'
import { claimDueMail, enqueueMail, markFailedAttempt, markSent } from '../../src/db/mail/outbox.js'
import type { OutboxFacts, OutboxMessage } from '../../src/domain/outbox-mail.js'
import { composeAppointmentMail } from '../../src/mail/compose-appointment-mail.js'
import { computeMessageId } from '../../src/mail/message-id.js'
import { createCandidate } from '../factories/catalogue.js'
import { confirmationAsFacts, mailMessage } from '../factories/mail.js'
import { testDatabases } from '../support/databases.js'
import { type ApiWorld, call, expectOk, expectProblem, NOW, useApi } from './api-harness.js'

interface MailOut {
  readonly id: string
  readonly kind: string
  readonly candidateId: string | null
  readonly recipient: string
  readonly subject: string
  readonly status: string
  readonly bodyText?: string
  readonly messageId: string
}

interface AuditOut {
  readonly action: string
  readonly subject: { readonly type: string; readonly id: string }
  readonly actor: { readonly role: string; readonly tokenLabel: string | null }
  readonly channel: string
  readonly reason: string | null
  readonly detail: Record<string, unknown>
}

const CODE = 'N95RXK-VNF7BN-8VUGYP'
const REASON = 'The candidate called: the code mail never arrived'

/** Puts mail in the outbox and has the worker's part done: sent (or failed), as the outbox records it. */
async function delivered<M extends OutboxMessage | OutboxFacts>(
  w: ApiWorld,
  mail: M,
  how: 'sent' | 'failed' = 'sent',
): Promise<M> {
  await enqueueMail(w.db, mail)
  await claimDueMail(w.db, NOW, 60_000, 100)
  if (how === 'sent') await markSent(w.db, mail.id, NOW)
  else await markFailedAttempt(w.db, mail.id, 'mailbox full', NOW, true)
  return mail
}

function resend(
  w: ApiWorld,
  mailId: string,
  body: unknown = { reason: REASON, channel: 'phone' },
  key: string | null = `resend-${mailId}`,
  role: 'support' | 'admin' | 'provider' = 'support',
) {
  return call(
    w,
    'POST',
    `/v1/admin/mail/${mailId}/resend`,
    body,
    role,
    key === null ? {} : { 'idempotency-key': key },
  )
}

describe.each(testDatabases())('sending a mail again ($name)', ({ open }) => {
  const world = useApi(open, { demo: false })

  it('sends a code mail again as it went out, to the same address, and records who and why', async () => {
    const w = world()
    const ana = await createCandidate(w.db)
    const original = await delivered(
      w,
      mailMessage({
        kind: 'voucher-issued',
        candidateId: ana.id,
        recipient: ana.email,
        subject: 'Your Second Shot code',
        bodyText: `Your code: ${CODE}\nUse it before 2026-12-31.\n`,
        bodyHtml: `<p>Your code: ${CODE}</p>`,
        createdAt: NOW - 14 * 86_400_000,
      }),
    )

    const response = await resend(w, original.id)
    const copy = expectOk<MailOut>(response, 201)
    expect(response.headers.location).toBe(`/v1/admin/mail/${copy.id}`)
    expect(copy).toMatchObject({
      kind: 'voucher-issued',
      candidateId: ana.id,
      recipient: ana.email,
      subject: 'Your Second Shot code',
      status: 'pending',
    })
    expect(copy.id).not.toBe(original.id)
    // A Message-ID of its own: no mail program drops it as the first one seen again.
    expect(copy.messageId).not.toBe(computeMessageId(original.dedupeKey))
    // What goes to the candidate is the mail as it was, code whole; staff read it masked.
    const stored = await w.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', copy.id)
      .executeTakeFirstOrThrow()
    expect([stored.body_text, stored.body_html, stored.recipient]).toEqual([
      original.bodyText,
      original.bodyHtml,
      ana.email,
    ])
    expect(response.body).not.toContain(CODE)
    const shown = expectOk<MailOut>(
      await call(w, 'GET', `/v1/admin/mail/${copy.id}`, undefined, 'support'),
    )
    expect(shown.bodyText).toBe('Your code: ••••••-••••••-••UGYP\nUse it before 2026-12-31.\n')

    // The candidate's audit trail says who sent it again, how and why.
    const trail = expectOk<{ items: AuditOut[] }>(
      await call(w, 'GET', `/v1/candidates/${ana.id}/audit`, undefined, 'support'),
    )
    expect(trail.items[0]).toMatchObject({
      action: 'mail-resent',
      subject: { type: 'mail', id: original.id },
      actor: { role: 'support', tokenLabel: 'api test support' },
      channel: 'phone',
      reason: REASON,
      detail: { copyId: copy.id, kind: 'voucher-issued', recipient: ana.email },
    })
    // Listed among the candidate's mail, newest first.
    const theirs = expectOk<{ items: MailOut[] }>(
      await call(w, 'GET', `/v1/admin/mail?candidateId=${ana.id}`, undefined, 'support'),
    )
    expect(theirs.items.map((mail) => mail.id)).toEqual([copy.id, original.id])
  })

  it('sends one copy for one Idempotency-Key, and needs the key and a reason', async () => {
    const w = world()
    const original = await delivered(w, mailMessage({ kind: 'voucher-issued' }))
    const first = expectOk<MailOut>(await resend(w, original.id, undefined, 'key-1'), 201)
    const again = await resend(w, original.id, undefined, 'key-1')
    expect(expectOk<MailOut>(again, 201).id).toBe(first.id)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expectProblem(
      await resend(w, original.id, { reason: 'Another reason' }, 'key-1'),
      422,
      'IDEMPOTENCY_KEY_REUSED',
    )
    expectProblem(await resend(w, original.id, undefined, null), 400, 'IDEMPOTENCY_KEY_REQUIRED')
    expectProblem(await resend(w, original.id, {}, 'key-2'), 400, 'VALIDATION_FAILED', 'reason')
    expectProblem(
      await resend(w, original.id, { reason: '   ' }, 'key-3'),
      400,
      'VALIDATION_FAILED',
    )
    const copies = await w.db
      .selectFrom('outbox')
      .select('id')
      .where('dedupe_key', 'like', 'mail-resent:%')
      .execute()
    expect(copies.map((row) => row.id)).toEqual([first.id])
  })

  it('composes a mail kept as facts as it was sent, calendar file included', async () => {
    const w = world()
    const original = await delivered(w, confirmationAsFacts({ createdAt: NOW }))
    const copy = expectOk<MailOut>(await resend(w, original.id), 201)
    const composed = composeAppointmentMail(original.facts)
    const stored = await w.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', copy.id)
      .executeTakeFirstOrThrow()
    expect(stored.subject).toBe(composed.subject)
    expect(stored.body_text).toBe(composed.bodyText)
    expect(JSON.parse(stored.attachments)).toEqual(composed.attachments)
  })

  it('refuses a mail not sent yet, one delivery gave up on, a sign-in mail and an unknown one', async () => {
    const w = world()
    const pending = mailMessage({ createdAt: NOW + 60_000 })
    await enqueueMail(w.db, pending)
    expect(expectProblem(await resend(w, pending.id), 409, 'MAIL_NOT_SENT', 'id')).toMatchObject({
      status: 409,
      mailId: pending.id,
      mailStatus: 'pending',
    })
    const failed = await delivered(w, mailMessage(), 'failed')
    const problem = expectProblem(await resend(w, failed.id), 409, 'MAIL_NOT_SENT')
    expect(problem.detail).toMatch(/never sent/)
    const signIn = await delivered(w, mailMessage({ kind: 'sign-in' }))
    expectProblem(await resend(w, signIn.id), 409, 'MAIL_NOT_RESENDABLE')
    expectProblem(await resend(w, 'no-such-mail'), 404, 'MAIL_NOT_FOUND')
    expectProblem(
      await resend(w, failed.id, undefined, 'provider-key', 'provider'),
      403,
      'FORBIDDEN',
    )
    const copies = await w.db
      .selectFrom('outbox')
      .select('id')
      .where('dedupe_key', 'like', 'mail-resent:%')
      .execute()
    expect(copies).toEqual([])
  })
})
