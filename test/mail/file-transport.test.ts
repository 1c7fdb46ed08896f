import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/app/clock.js'
import { enqueueMail, findMail } from '../../src/db/mail/outbox.js'
import { startOutboxWorker } from '../../src/jobs/outbox-worker.js'
import { createFileTransport } from '../../src/mail/file-transport.js'
import { computeMessageId } from '../../src/mail/message-id.js'
import { FACTORY_EPOCH } from '../factories/catalogue.js'
import {
  confirmationAsFacts,
  confirmationMessage,
  mailMessage,
  TEST_MAIL_SETTINGS,
} from '../factories/mail.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'
import { child, property, readCalendar } from '../support/read-calendar.js'

const silent = { info() {}, warn() {}, error() {} }

describe('the file transport', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'examdesk-mail-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('writes each mail as a .eml file a mail program can read', async () => {
    const transport = createFileTransport({ dir: join(dir, 'mail'), settings: TEST_MAIL_SETTINGS })
    const message = confirmationMessage()
    await transport.deliver(message, FACTORY_EPOCH)

    expect(await readdir(join(dir, 'mail'))).toEqual([`${message.id}.eml`])
    const raw = await readFile(join(dir, 'mail', `${message.id}.eml`), 'utf8')
    expect(raw).toMatch(/\r\n\r\n/) // CRLF line ends, as RFC 5322 has them
    const parsed = await simpleParser(raw)
    expect(parsed.messageId).toBe(computeMessageId(message.dedupeKey))
    expect(parsed.subject).toBe(message.subject)
    expect(parsed.date?.getTime()).toBe(FACTORY_EPOCH)
    expect(parsed.text).toContain(TEST_MAIL_SETTINGS.help)
    expect(parsed.html).toBe(message.bodyHtml)
    const ics = parsed.attachments.find((a) => a.filename === message.attachments[0]?.filename)
    const calendar = readCalendar(ics!.content.toString('utf8'))
    expect(property(child(calendar, 'VEVENT'), 'DTSTART').params.TZID).toBe('Pacific/Auckland')
  })

  it('replaces the file when the same mail is written again (a resend after a crash)', async () => {
    const transport = createFileTransport({ dir, settings: TEST_MAIL_SETTINGS })
    const message = confirmationMessage()
    await transport.deliver(message, FACTORY_EPOCH)
    await transport.deliver(message, FACTORY_EPOCH + 60_000)
    expect(await readdir(dir)).toEqual([`${message.id}.eml`])
  })
})

describe.each(testDatabases())('the file transport behind the worker on $name', ({ open }) => {
  const db = useFreshDatabase(open)
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'examdesk-mail-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('delivers the outbox into files and records the mail as sent', async () => {
    const message = confirmationMessage()
    await enqueueMail(db(), message)
    const worker = startOutboxWorker({
      db: db(),
      clock: fixedClock(FACTORY_EPOCH),
      transport: createFileTransport({ dir, settings: TEST_MAIL_SETTINGS }),
      log: silent,
      pollMs: 3_600_000,
    })
    try {
      expect(await worker.drain()).toBe(1)
    } finally {
      await worker.stop()
    }
    expect(await readdir(dir)).toEqual([`${message.id}.eml`])
    expect(await findMail(db(), message.id)).toMatchObject({ status: 'sent' })
  })

  it('keeps the HTML part beside the text of mail composed when sent, and lays out mail stored without one', async () => {
    const facts = confirmationAsFacts()
    const old = mailMessage({ bodyHtml: null })
    await enqueueMail(db(), facts)
    await enqueueMail(db(), old)
    const worker = startOutboxWorker({
      db: db(),
      clock: fixedClock(FACTORY_EPOCH),
      transport: createFileTransport({ dir, settings: TEST_MAIL_SETTINGS }),
      log: silent,
      pollMs: 3_600_000,
    })
    try {
      expect(await worker.drain()).toBe(2)
    } finally {
      await worker.stop()
    }
    const sent = await findMail(db(), facts.id)
    expect(sent?.bodyHtml).toContain('<th scope="row"')
    expect(sent?.bodyHtml).toContain('Auckland CBD Testing')
    const eml = await simpleParser(await readFile(join(dir, `${facts.id}.eml`), 'utf8'))
    expect(eml.html).toBe(sent?.bodyHtml)
    const laidOut = await simpleParser(await readFile(join(dir, `${old.id}.eml`), 'utf8'))
    expect(laidOut.html).toContain(`<p style="margin:0 0 16px">Body of ${old.id}.</p>`)
  })
})
