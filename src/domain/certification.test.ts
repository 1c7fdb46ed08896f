import { describe, expect, it } from 'vitest'
import { type EarnedCertification, isCertificationCurrent } from './certification.js'
import { parseInstant } from './instant.js'

const at = (text: string) => parseInstant(text)!

const earned = (expiresAt: string | null): EarnedCertification => ({
  certificationId: 'mta-windows-os-fundamentals',
  name: 'MTA: Windows Operating System Fundamentals',
  exams: ['098-349'],
  earnedAt: at('2023-05-02T10:00:00Z'),
  expiresAt: expiresAt === null ? null : at(expiresAt),
})

describe('a certification held now', () => {
  it('holds until the instant it expires, and not from that instant on', () => {
    const mta = earned('2026-05-02T10:00:00Z')
    expect(isCertificationCurrent(mta, at('2026-05-02T09:59:59.999Z'))).toBe(true)
    expect(isCertificationCurrent(mta, at('2026-05-02T10:00:00Z'))).toBe(false)
  })

  it('always holds when it does not expire', () => {
    expect(isCertificationCurrent(earned(null), at('2099-01-01T00:00:00Z'))).toBe(true)
  })
})
