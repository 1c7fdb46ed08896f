import type { AddressObject } from 'mailparser'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fixedClock } from '../../src/app/clock.js'
import { getMail } from '../../src/app/mail/get-mail.js'
import { listMail } from '../../src/app/mail/list-mail.js'
import type { Database } from '../../src/db/engine/database.js'
import { claimDueMail, enqueueMail, findMail, selectMailPage } from '../../src/db/mail/outbox.js'
import {
  type OutboxWorker,
  startOutboxWorker,
  type WorkerLog,
} from '../../src/jobs/outbox-worker.js'
import { composeAppointmentMail } from '../../src/mail/compose-appointment-mail.js'
import { composeOutboxMail } from '../../src/mail/compose-outbox-mail.js'
import type { MailTransport } from '../../src/mail/mail-transport.js'
import { computeMessageId } from '../../src/mail/message-id.js'
import { createSmtpTransport } from '../../src/mail/smtp-transport.js'
import { FACTORY_EPOCH } from '../factories/catalogue.js'
import {
  confirmationAsFacts,
  confirmationMessage,
  mailMessage,
  TEST_MAIL_SETTINGS,
} from '../factories/mail.js'
import { openAnotherConnection } from '../support/another-connection.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'
import { child, instantOf, property, readCalendar } from '../support/read-calendar.js'
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink.js'

const LEASE = 300_000

/** A log that keeps what the worker said, so a test can read why a mail failed. */
function recordingLog(): WorkerLog & { readonly lines: string[] } {
  const lines: string[] = []
  const keep = (_facts: object, message: string) => {
    lines.push(message)
  }
  return { lines, info: keep, warn: keep, error: keep }
}

function address(field: AddressObject | AddressObject[] | undefined): string {
  const [first] = Array.isArray(field) ? field : field ? [field] : []
  return first?.text ?? ''
}

describe.each(testDatabases())('the outbox worker on $name', ({ open }) => {
  const db = useFreshDatabase(open)
  let sink: SmtpSink
  let transports: MailTransport[]
  let workers: OutboxWorker[]
  let others: Database[]
  const clock = fixedClock(FACTORY_EPOCH)

  beforeEach(async () => {
    sink = await startSmtpSink()
    transports = []
    workers = []
    others = []
    clock.set(FACTORY_EPOCH)
  })
  afterEach(async () => {
    for (const worker of workers) await worker.stop()
    for (const transport of transports) await transport.close()
    for (const other of others) await other.close()
    await sink.close()
  })

  /** A worker that only runs when drained (its own poll is an hour away). */
  function worker(options: { maxTries?: number; on?: Database['db']; url?: string } = {}) {
    const transport = createSmtpTransport({
      url: options.url ?? sink.url,
      settings: TEST_MAIL_SETTINGS,
    })
    transports.push(transport)
    const log = recordingLog()
    const started = startOutboxWorker({
      db: options.on ?? db(),
      clock,
      transport,
      log,
      pollMs: 3_600_000,
      leaseMs: LEASE,
      maxTries: options.maxTries ?? 5,
    })
    workers.push(started)
    return Object.assign(started, { log })
  }

  it('delivers a confirmation by SMTP: sender, reply-to, Message-ID, help and the calendar', async () => {
    const message = confirmationMessage()
    await enqueueMail(db(), message)
    clock.advance(1234)

    expect(await worker().drain()).toBe(1)

    expect(sink.received).toHaveLength(1)
    const [{ parsed, envelope }] = sink.received as [(typeof sink.received)[0]]
    expect(envelope).toEqual({ from: 'no-reply@examdesk.test', to: ['ana@example.test'] })
    expect(address(parsed.from)).toBe('"examdesk certification" <no-reply@examdesk.test>')
    expect(address(parsed.replyTo)).toBe('"Candidate support" <help@examdesk.test>')
    expect(address(parsed.to)).toBe('ana@example.test')
    expect(parsed.messageId).toBe(computeMessageId(message.dedupeKey))
    expect(parsed.subject).toBe(message.subject)
    expect(parsed.date?.getTime()).toBe(Math.floor((FACTORY_EPOCH + 1234) / 1000) * 1000)
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated')
    expect(parsed.text).toContain('Registration:')
    expect(parsed.text).toContain(TEST_MAIL_SETTINGS.help)

    const ics = parsed.attachments.find((a) => a.filename === message.attachments[0]?.filename)
    expect(ics?.contentType).toBe('application/ics')
    const calendar = readCalendar(ics!.content.toString('utf8'))
    expect(property(calendar, 'METHOD').value).toBe('REQUEST')
    const start = property(child(calendar, 'VEVENT'), 'DTSTART')
    expect(start.params.TZID).toBe('Pacific/Auckland')
    expect(instantOf(calendar, start)).toBe(Date.UTC(2026, 3, 4, 20, 30))
    // …and as the text/calendar alternative that makes clients offer "add to calendar".
    expect(sink.received[0]?.raw).toMatch(
      /Content-Type: text\/calendar; charset=utf-8; method=REQUEST/,
    )

    expect(await findMail(db(), message.id)).toMatchObject({
      status: 'sent',
      tries: 1,
      sentAt: FACTORY_EPOCH + 1234,
    })
    // Nothing more to do.
    expect(await workers[0]!.drain()).toBe(0)
    expect(sink.received).toHaveLength(1)
  })

  it('composes a mail stored as facts when it sends it, and keeps the text it sent', async () => {
    const asFacts = confirmationAsFacts()
    await enqueueMail(db(), asFacts)
    const expected = composeAppointmentMail(asFacts.facts)
    expect(await findMail(db(), asFacts.id)).toMatchObject({ subject: '', facts: asFacts.facts })

    expect(await worker().drain()).toBe(1)

    const [{ parsed }] = sink.received as [(typeof sink.received)[0]]
    expect(parsed.messageId).toBe(computeMessageId(asFacts.dedupeKey))
    expect(parsed.subject).toBe(expected.subject)
    expect(parsed.text).toBe(expected.bodyText)
    const ics = parsed.attachments.find((a) => a.filename === expected.attachments[0]?.filename)
    expect(ics?.content.toString('utf8')).toBe(expected.attachments[0]?.content)
    const sent = await findMail(db(), asFacts.id)
    expect(sent).toMatchObject({ status: 'sent', ...expected })
    expect(sent).not.toHaveProperty('facts')
  })

  it('fails at once a mail whose facts no composer reads', async () => {
    const odd = { ...confirmationAsFacts(), kind: 'voucher-issued' }
    await enqueueMail(db(), odd)
    const w = worker()
    expect(await w.drain()).toBe(0)
    expect(await findMail(db(), odd.id)).toMatchObject({ status: 'failed', tries: 1 })
    expect(w.log.lines).toContain('mail cannot be composed')
    expect(sink.received).toHaveLength(0)
    // The admin list and view still answer, showing it as stored.
    const listed = await listMail({ db: db() }, { status: 'failed' })
    expect(listed.items.map((mail) => [mail.id, mail.subject])).toEqual([[odd.id, '']])
    expect(await getMail({ db: db() }, odd.id)).toMatchObject({ id: odd.id, bodyText: '' })
  })

  it('adds the help text to a mail whose body lacks it: no mail goes out without it', async () => {
    await enqueueMail(db(), mailMessage({ bodyText: 'Your voucher code is X.' }))
    await worker().drain()
    expect(sink.received[0]?.parsed.text).toBe(
      `Your voucher code is X.\n\n-- \n${TEST_MAIL_SETTINGS.help}\n`,
    )
  })

  it('retries a mail the server defers, after a growing back-off, until it goes', async () => {
    const message = mailMessage()
    await enqueueMail(db(), message)
    sink.refuseNext(2, 451)
    const w = worker()

    expect(await w.drain()).toBe(0)
    expect(await findMail(db(), message.id)).toMatchObject({
      status: 'pending',
      tries: 1,
      availableAt: FACTORY_EPOCH + 30_000,
    })
    expect((await findMail(db(), message.id))?.lastError).toMatch(/451/)
    // Not due yet.
    clock.advance(29_999)
    expect(await w.drain()).toBe(0)
    clock.advance(1)
    expect(await w.drain()).toBe(0)
    expect(await findMail(db(), message.id)).toMatchObject({
      tries: 2,
      availableAt: FACTORY_EPOCH + 30_000 + 60_000,
    })
    clock.advance(60_000)
    expect(await w.drain()).toBe(1)
    expect(await findMail(db(), message.id)).toMatchObject({ status: 'sent', tries: 3 })
    expect(sink.received).toHaveLength(1)
    expect(w.log.lines.filter((line) => line.includes('will retry'))).toHaveLength(2)
  })

  it('retries while the SMTP server is down, and delivers once it is back', async () => {
    const message = mailMessage()
    await enqueueMail(db(), message)
    const port = sink.port
    await sink.close()
    const w = worker({ url: `smtp://127.0.0.1:${port}` })

    expect(await w.drain()).toBe(0)
    expect((await findMail(db(), message.id))?.lastError).toMatch(/ECONNREFUSED|connect/i)

    sink = await startSmtpSink({ port })
    clock.advance(30_000)
    expect(await w.drain()).toBe(1)
    expect(sink.received.map((mail) => mail.parsed.messageId)).toEqual([
      computeMessageId(message.dedupeKey),
    ])
  })

  it('gives up after the last try and shows the mail as failed', async () => {
    const message = mailMessage()
    await enqueueMail(db(), message)
    sink.refuseNext(100, 451)
    const w = worker({ maxTries: 3 })
    for (let i = 0; i < 5; i++) {
      await w.drain()
      clock.advance(3_600_000)
    }
    expect(await findMail(db(), message.id)).toMatchObject({ status: 'failed', tries: 3 })
    const failed = await selectMailPage(db(), { status: 'failed', limit: 10, offset: 0 })
    expect(failed.items.map((mail) => mail.id)).toEqual([message.id])
    expect(w.log.lines).toContain('mail failed: out of tries')
  })

  it('fails a mail the server refuses for good at once, and goes on with the rest', async () => {
    const refused = mailMessage({ createdAt: FACTORY_EPOCH - 1 })
    const fine = mailMessage()
    await enqueueMail(db(), refused)
    await enqueueMail(db(), fine)
    sink.refuseNext(1, 550)

    expect(await worker().drain()).toBe(1)
    expect(await findMail(db(), refused.id)).toMatchObject({ status: 'failed', tries: 1 })
    expect((await findMail(db(), refused.id))?.lastError).toMatch(/550/)
    expect(await findMail(db(), fine.id)).toMatchObject({ status: 'sent' })
  })

  it('sends again, with the same Message-ID and text, a mail whose worker died after sending it', async () => {
    const message = confirmationAsFacts()
    await enqueueMail(db(), message)
    // A worker claims and sends, then dies before recording it.
    const dying = createSmtpTransport({ url: sink.url, settings: TEST_MAIL_SETTINGS })
    transports.push(dying)
    const [claimed] = await claimDueMail(db(), clock.now(), LEASE, 10)
    await dying.deliver(composeOutboxMail(claimed!), clock.now())

    // Held until the dead worker's lease ends; then another worker sends it again.
    const w = worker()
    expect(await w.drain()).toBe(0)
    clock.advance(LEASE)
    expect(await w.drain()).toBe(1)

    expect(sink.received).toHaveLength(2)
    const ids = sink.received.map((mail) => mail.parsed.messageId)
    expect(ids).toEqual([computeMessageId(message.dedupeKey), computeMessageId(message.dedupeKey)])
    expect(sink.unique()).toHaveLength(1)
    // Composed again from the same facts: the copy says the same as the first.
    const [first, second] = sink.received.map((mail) => mail.parsed)
    expect(second?.subject).toBe(first?.subject)
    expect(second?.text).toBe(first?.text)
    expect(second?.attachments.map((a) => a.content.toString('utf8'))).toEqual(
      first?.attachments.map((a) => a.content.toString('utf8')),
    )
    expect(await findMail(db(), message.id)).toMatchObject({ status: 'sent', tries: 2 })
  })

  it('delivers each mail once with two workers on their own connections', async () => {
    const count = 40
    for (let i = 0; i < count; i++) await enqueueMail(db(), mailMessage())
    const other = await openAnotherConnection(db())
    others.push(other)
    const a = worker()
    const b = worker({ on: other.db })

    const [sentByA, sentByB] = await Promise.all([a.drain(), b.drain()])
    expect(sentByA + sentByB).toBe(count)
    expect(sink.received).toHaveLength(count)
    expect(sink.unique()).toHaveLength(count)
    const pending = await selectMailPage(db(), { status: 'pending', limit: 10, offset: 0 })
    expect(pending.total).toBe(0)
  })

  it('polls on its own, and stops', async () => {
    const transport = createSmtpTransport({ url: sink.url, settings: TEST_MAIL_SETTINGS })
    transports.push(transport)
    const polling = startOutboxWorker({
      db: db(),
      clock,
      transport,
      log: recordingLog(),
      pollMs: 10,
    })
    workers.push(polling)
    await enqueueMail(db(), mailMessage())
    await vi.waitFor(() => expect(sink.received).toHaveLength(1), { timeout: 5000 })
    await polling.stop()
    await enqueueMail(db(), mailMessage())
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(sink.received).toHaveLength(1)
  })
})
