import { describe, expect, it } from 'vitest'
import { readConfig } from '../config.js'
import { readMailSettings } from './mail-settings.js'

describe('readMailSettings', () => {
  it('reads the defaults: a named unmonitored sender, and help that says so', () => {
    const settings = readMailSettings(readConfig({}))
    expect(settings.from).toEqual({ name: 'examdesk', address: 'no-reply@examdesk.invalid' })
    expect(settings.replyTo).toBeNull()
    expect(settings.help).toMatch(/not monitored/)
  })

  it('reads the sender, reply-to and help text from the environment', () => {
    const config = readConfig({
      MAIL_FROM: 'Certification Programme <certs@example.org>',
      MAIL_REPLY_TO: 'support@example.org',
      SMTP_URL: 'smtp://mail.example.org:587',
      MAIL_DIR: '/var/mail/examdesk',
    })
    expect(config).toMatchObject({
      smtpUrl: 'smtp://mail.example.org:587',
      mailDir: '/var/mail/examdesk',
    })
    const settings = readMailSettings(config)
    expect(settings.from).toEqual({ name: 'Certification Programme', address: 'certs@example.org' })
    expect(settings.replyTo).toEqual({ name: '', address: 'support@example.org' })
    // Without its own help text, the help points at the reply-to.
    expect(settings.help).toContain('support@example.org')
    expect(readMailSettings(readConfig({ MAIL_HELP_TEXT: 'Call 0800 EXAMS.' })).help).toBe(
      'Call 0800 EXAMS.',
    )
  })

  it('names where to book, how to reach help and what to bring, with defaults that name somewhere', () => {
    const settings = readMailSettings(readConfig({}))
    expect(settings.bookingPlace).toBe("your test-centre provider's booking page")
    expect(settings.helpContact).toBe("your test-centre provider's candidate support")
    expect(settings.help).toContain("contact your test-centre provider's candidate support")
    expect(settings.bringToExam).toMatch(/photo ID/)
    // The reply-to is where help is, when there is one.
    expect(
      readMailSettings(readConfig({ MAIL_REPLY_TO: 'Support <support@example.org>' })).helpContact,
    ).toBe('support@example.org')
    const told = readMailSettings(
      readConfig({
        EXAMDESK_HELP_CONTACT: '+44 20 7946 0000 (weekdays 9–17 UK time)',
        EXAMDESK_BOOKING_PLACE: 'https://exams.example.org/book',
        EXAMDESK_BRING: 'two photo IDs',
      }),
    )
    expect(told).toMatchObject({
      helpContact: '+44 20 7946 0000 (weekdays 9–17 UK time)',
      bookingPlace: 'https://exams.example.org/book',
      bringToExam: 'two photo IDs',
    })
    expect(told.help).toBe(
      'This address is not monitored, so replies are not read. For help: +44 20 7946 0000 (weekdays 9–17 UK time).',
    )
    expect(() =>
      readMailSettings({ ...readConfig({}), bookingPlace: 'line one\nline two' }),
    ).toThrow(/EXAMDESK_BOOKING_PLACE/)
  })

  it("links mail under the public address: the configured one, else the server's, else the default", () => {
    expect(readMailSettings(readConfig({})).publicUrl()).toBe('http://127.0.0.1:3000')
    const configured = readConfig({ EXAMDESK_PUBLIC_URL: 'https://exams.example.org' })
    expect(readMailSettings(configured).publicUrl()).toBe('https://exams.example.org')
    // A server that took any free port knows its address once it listens, and says it then.
    let listening = 'http://127.0.0.1:0'
    const settings = readMailSettings(readConfig({}), () => listening)
    listening = 'http://127.0.0.1:41234'
    expect(settings.publicUrl()).toBe('http://127.0.0.1:41234')
  })

  it('refuses an address that is not one, naming the variable', () => {
    expect(() => readMailSettings(readConfig({ MAIL_FROM: 'examdesk' }))).toThrow(/MAIL_FROM/)
    expect(() =>
      readMailSettings(readConfig({ MAIL_REPLY_TO: 'a@example.org, b@example.org' })),
    ).toThrow(/MAIL_REPLY_TO/)
    expect(() => readMailSettings({ ...readConfig({}), mailHelp: '  ' })).toThrow(/help/)
  })
})
