import { describe, expect, it } from 'vitest'
import { codeAsShownTo, mayReadNoWholeCode, mayReadWholeCode } from './code-visibility.js'
import type { Principal, Role } from './principal.js'

function principal(role: Role, candidateId: string | null = null): Principal {
  return {
    id: `${role}-1`,
    role,
    tokenId: null,
    tokenLabel: null,
    accountId: `${role}-account`,
    sessionId: null,
    signedInAt: null,
    displayName: null,
    providerId: role === 'provider' ? 'prometric' : null,
    candidateId,
  }
}

describe('mayReadWholeCode', () => {
  it('lets the holder, support and admin read a code whole, and nobody else', () => {
    const ana = principal('candidate', 'cand-ana')
    const ben = principal('candidate', 'cand-ben')
    expect(mayReadWholeCode(ana, 'cand-ana')).toBe(true)
    expect(mayReadWholeCode(ben, 'cand-ana')).toBe(false)
    expect(mayReadWholeCode(principal('support'), 'cand-ana')).toBe(true)
    expect(mayReadWholeCode(principal('admin'), 'cand-ana')).toBe(true)
    expect(mayReadWholeCode(principal('provider'), 'cand-ana')).toBe(false)
  })

  it('shows a bearer code nobody holds whole to staff only', () => {
    expect(mayReadWholeCode(principal('candidate', 'cand-ana'), null)).toBe(false)
    expect(mayReadWholeCode(principal('candidate'), null)).toBe(false)
    expect(mayReadWholeCode(principal('support'), null)).toBe(true)
    expect(mayReadWholeCode(principal('provider'), null)).toBe(false)
  })

  it('names the provider as the caller who never reads a code whole', () => {
    expect(mayReadNoWholeCode(principal('provider'))).toBe(true)
    for (const role of ['admin', 'support', 'candidate'] as const)
      expect(mayReadNoWholeCode(principal(role, 'cand-ana'))).toBe(false)
  })

  it('shows the code whole or masked accordingly', () => {
    const code = 'N95RXK-VNF7BN-8VUGYP'
    expect(codeAsShownTo(principal('support'), 'cand-ana', code)).toBe(code)
    expect(codeAsShownTo(principal('provider'), 'cand-ana', code)).toBe('••••••-••••••-••UGYP')
  })
})
