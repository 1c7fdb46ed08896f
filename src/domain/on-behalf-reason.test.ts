import { describe, expect, it } from 'vitest'
import { needsOnBehalfReason, parseOnBehalfReason } from './on-behalf-reason.js'

describe('on-behalf reasons', () => {
  it('are needed from staff acting as a person, by phone or on the web, not through the API nor from others', () => {
    expect(needsOnBehalfReason('support', 'phone')).toBe(true)
    expect(needsOnBehalfReason('admin', 'web')).toBe(true)
    expect(needsOnBehalfReason('support', 'api')).toBe(false)
    expect(needsOnBehalfReason('provider', 'phone')).toBe(false)
    expect(needsOnBehalfReason('candidate', 'web')).toBe(false)
  })

  it('are stored trimmed and in NFC, refused when empty, too long, or carrying what cannot be shown as typed', () => {
    expect(parseOnBehalfReason('  Caller asked for Le\u0301a’s seat ')).toEqual({
      ok: true,
      reason: 'Caller asked for Léa’s seat',
    })
    expect(parseOnBehalfReason('x'.repeat(500)).ok).toBe(true)
    expect(parseOnBehalfReason('x'.repeat(501))).toEqual({
      ok: false,
      problem: 'must be at most 500 characters; it has 501',
    })
    for (const text of ['  ', 'line\nbreak', 'bidi\u202Eoverride', 'zero\u200Bwidth']) {
      expect(parseOnBehalfReason(text).ok).toBe(false)
    }
  })
})
