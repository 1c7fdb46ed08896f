import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeMessageId } from './message-id.js'

describe('computeMessageId', () => {
  it('derives the same RFC 5322 msg-id from the same dedupe key', () => {
    expect(computeMessageId('registration-confirmed:K7QX-M2PD:1')).toBe(
      '<registration-confirmed%3AK7QX-M2PD%3A1@examdesk>',
    )
    expect(computeMessageId('a b.c%é')).toBe('<a%20b%2Ec%25%C3%A9@examdesk>')
  })

  it('always gives a valid msg-id, and distinct keys distinct ids', () => {
    const msgId = /^<[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+@examdesk>$/
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, unit: 'grapheme' }),
        fc.string({ minLength: 1 }),
        (a, b) => {
          expect(computeMessageId(a)).toMatch(msgId)
          expect(computeMessageId(a) === computeMessageId(b)).toBe(a === b)
        },
      ),
    )
  })
})
