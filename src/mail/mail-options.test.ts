import MailComposer from 'nodemailer/lib/mail-composer'
import { describe, expect, it } from 'vitest'
import { FACTORY_EPOCH } from '../../test/factories/catalogue.js'
import { mailMessage, TEST_MAIL_SETTINGS } from '../../test/factories/mail.js'
import { composeMailOptions } from './mail-options.js'

/** The recipients the SMTP envelope would name (RCPT TO). */
function envelopeRecipients(recipient: string): readonly string[] {
  const options = composeMailOptions(mailMessage({ recipient }), TEST_MAIL_SETTINGS, FACTORY_EPOCH)
  return new MailComposer(options).compile().getEnvelope().to
}

describe('the recipient of a mail', () => {
  it('is the stored address, once', () => {
    expect(envelopeRecipients('Ana.Tupou@example.test')).toEqual(['Ana.Tupou@example.test'])
  })

  it('is never read as a list, whatever the stored text holds', () => {
    for (const recipient of [
      'x,spy@evil.example',
      'ana@example.test, spy@evil.example',
      'Ana <spy@evil.example>',
    ]) {
      const to = envelopeRecipients(recipient)
      expect(to, recipient).toHaveLength(1)
      expect(to, recipient).not.toContain('spy@evil.example')
    }
  })
})
