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

  it('refuses an address that is not one, naming the variable', () => {
    expect(() => readMailSettings(readConfig({ MAIL_FROM: 'examdesk' }))).toThrow(/MAIL_FROM/)
    expect(() =>
      readMailSettings(readConfig({ MAIL_REPLY_TO: 'a@example.org, b@example.org' })),
    ).toThrow(/MAIL_REPLY_TO/)
    expect(() => readMailSettings({ ...readConfig({}), mailHelp: '  ' })).toThrow(/help/)
  })
})
