import { describe, expect, it } from 'vitest'
import { localPublicUrl, readConfig } from './config.js'

describe('readConfig', () => {
  it('keeps idempotency keys 24 hours unless IDEMPOTENCY_RETENTION_HOURS says otherwise', () => {
    expect(readConfig({}).idempotencyRetentionHours).toBe(24)
    expect(readConfig({ IDEMPOTENCY_RETENTION_HOURS: '72' }).idempotencyRetentionHours).toBe(72)
  })

  it('refuses a retention that is not a number of hours, or under one', () => {
    for (const text of ['0', '0.5', '-3', 'a day'])
      expect(() => readConfig({ IDEMPOTENCY_RETENTION_HOURS: text })).toThrow(
        /IDEMPOTENCY_RETENTION_HOURS/,
      )
  })
})

describe('readConfig: EXAMDESK_HOLD_MINUTES', () => {
  it('holds an unpaid seat for 30 minutes unless told, and takes whole minutes only', () => {
    expect(readConfig({}).holdMinutes).toBe(30)
    expect(readConfig({ EXAMDESK_HOLD_MINUTES: '' }).holdMinutes).toBe(30)
    expect(readConfig({ EXAMDESK_HOLD_MINUTES: '45' }).holdMinutes).toBe(45)
    for (const bad of ['0', '-5', '1.5', 'ten', '10081'])
      expect(() => readConfig({ EXAMDESK_HOLD_MINUTES: bad })).toThrow(/EXAMDESK_HOLD_MINUTES/)
  })
})

describe('readConfig: EXAMDESK_REMINDER_DAYS', () => {
  it('reminds three days before unless told, 0 turning reminders off', () => {
    expect(readConfig({}).reminderDays).toBe(3)
    expect(readConfig({ EXAMDESK_REMINDER_DAYS: '7' }).reminderDays).toBe(7)
    expect(readConfig({ EXAMDESK_REMINDER_DAYS: '0' }).reminderDays).toBe(0)
    for (const bad of ['-1', '1.5', 'three', '61'])
      expect(() => readConfig({ EXAMDESK_REMINDER_DAYS: bad })).toThrow(/EXAMDESK_REMINDER_DAYS/)
  })
})

describe('readConfig: EXAMDESK_ADMIN_TOKEN', () => {
  it('takes a token of 32 characters or more, and none when unset or empty', () => {
    const token = 'x'.repeat(32)
    expect(readConfig({ EXAMDESK_ADMIN_TOKEN: token }).adminToken).toBe(token)
    expect(readConfig({}).adminToken).toBeUndefined()
    expect(readConfig({ EXAMDESK_ADMIN_TOKEN: '' }).adminToken).toBeUndefined()
  })

  it('refuses a shorter one, saying how long it must be', () => {
    expect(() => readConfig({ EXAMDESK_ADMIN_TOKEN: 'abc' })).toThrow(
      'EXAMDESK_ADMIN_TOKEN must be at least 32 characters, not 3',
    )
    expect(() => readConfig({ EXAMDESK_ADMIN_TOKEN: 'x'.repeat(31) })).toThrow(/at least 32/)
  })
})

describe('readConfig: sign-in settings', () => {
  it('reads the public address as an origin, and refuses one with a path or another scheme', () => {
    expect(readConfig({}).publicUrl).toBeUndefined()
    expect(readConfig({ EXAMDESK_PUBLIC_URL: 'https://exams.example.org/' }).publicUrl).toBe(
      'https://exams.example.org',
    )
    for (const bad of ['exams.example.org', 'ftp://x.example', 'https://x.example/portal'])
      expect(() => readConfig({ EXAMDESK_PUBLIC_URL: bad })).toThrow(/EXAMDESK_PUBLIC_URL/)
  })

  it('ends sessions after 30 idle minutes and 12 hours unless told, in whole minutes and hours', () => {
    expect(readConfig({}).sessionTimeouts).toEqual({
      idleMs: 30 * 60_000,
      absoluteMs: 12 * 3_600_000,
    })
    expect(
      readConfig({ EXAMDESK_SESSION_IDLE_MINUTES: '15', EXAMDESK_SESSION_MAX_HOURS: '8' })
        .sessionTimeouts,
    ).toEqual({ idleMs: 15 * 60_000, absoluteMs: 8 * 3_600_000 })
    for (const bad of ['0', '1.5', 'x', '1441'])
      expect(() => readConfig({ EXAMDESK_SESSION_IDLE_MINUTES: bad })).toThrow(
        /EXAMDESK_SESSION_IDLE_MINUTES/,
      )
    expect(() =>
      readConfig({ EXAMDESK_SESSION_IDLE_MINUTES: '120', EXAMDESK_SESSION_MAX_HOURS: '1' }),
    ).toThrow(/must not be longer/)
  })

  it('lets a sign-in count as recent for sensitive changes for 10 minutes unless told, in whole minutes', () => {
    expect(readConfig({}).recentSignInMs).toBe(10 * 60_000)
    expect(readConfig({ EXAMDESK_RECENT_SIGN_IN_MINUTES: '5' }).recentSignInMs).toBe(5 * 60_000)
    for (const bad of ['0', '2.5', 'soon', '1441'])
      expect(() => readConfig({ EXAMDESK_RECENT_SIGN_IN_MINUTES: bad })).toThrow(
        /EXAMDESK_RECENT_SIGN_IN_MINUTES must be whole minutes from 1 to 1440/,
      )
  })
})

describe('readConfig: OpenID Connect', () => {
  const on = {
    EXAMDESK_OIDC_ISSUER: 'https://login.example.org/realms/staff',
    EXAMDESK_OIDC_CLIENT_ID: 'examdesk',
    EXAMDESK_OIDC_CLIENT_SECRET: 'a-client-secret-of-the-issuer',
  }

  it('is off unless the issuer is set, and then staff only', () => {
    expect(readConfig({}).oidc).toBeNull()
    expect(readConfig(on).oidc).toEqual({
      issuer: 'https://login.example.org/realms/staff',
      clientId: 'examdesk',
      clientSecret: 'a-client-secret-of-the-issuer',
      roles: ['support', 'admin'],
    })
    expect(
      readConfig({ ...on, EXAMDESK_OIDC_ROLES: 'candidate, support,admin' }).oidc?.roles,
    ).toEqual(['candidate', 'support', 'admin'])
  })

  it('refuses a half setting, plain http away from this machine and unknown roles, never naming the secret', () => {
    const errors = [
      { EXAMDESK_OIDC_ISSUER: on.EXAMDESK_OIDC_ISSUER, EXAMDESK_OIDC_CLIENT_SECRET: 'hush-hush-1' },
      {
        ...on,
        EXAMDESK_OIDC_CLIENT_SECRET: 'hush-hush-1',
        EXAMDESK_OIDC_ISSUER: 'http://login.example.org',
      },
      {
        ...on,
        EXAMDESK_OIDC_CLIENT_SECRET: 'hush-hush-1',
        EXAMDESK_OIDC_ROLES: 'support,provider',
      },
    ].map((env) => {
      try {
        readConfig(env)
        return 'accepted'
      } catch (error) {
        return (error as Error).message
      }
    })
    expect(errors[0]).toMatch(/EXAMDESK_OIDC_CLIENT_ID/)
    expect(errors[1]).toMatch(/https/)
    expect(errors[2]).toMatch(/EXAMDESK_OIDC_ROLES/)
    for (const message of errors) expect(message).not.toContain('hush-hush-1')
    expect(readConfig({ ...on, EXAMDESK_OIDC_ISSUER: 'http://127.0.0.1:4000' }).oidc?.issuer).toBe(
      'http://127.0.0.1:4000',
    )
  })
})

describe('readConfig: when exception requests are due', () => {
  it('gives support two working days in UTC unless told, in whole days on an IANA zone', () => {
    expect(readConfig({}).exceptionDue).toEqual({ workingDays: 2, timeZone: 'UTC' })
    expect(
      readConfig({
        EXAMDESK_EXCEPTION_DUE_WORKING_DAYS: '5',
        EXAMDESK_PROGRAMME_TIME_ZONE: 'europe/dublin',
      }).exceptionDue,
    ).toEqual({ workingDays: 5, timeZone: 'Europe/Dublin' })
    for (const bad of ['0', '1.5', 'two', '31'])
      expect(() => readConfig({ EXAMDESK_EXCEPTION_DUE_WORKING_DAYS: bad })).toThrow(
        /EXAMDESK_EXCEPTION_DUE_WORKING_DAYS/,
      )
    for (const bad of ['+02:00', 'Mars/Olympus'])
      expect(() => readConfig({ EXAMDESK_PROGRAMME_TIME_ZONE: bad })).toThrow(
        /EXAMDESK_PROGRAMME_TIME_ZONE/,
      )
  })
})

describe('localPublicUrl', () => {
  it('names IPv4 loopback and every interface localhost, where browsers allow passkeys', () => {
    expect(localPublicUrl('127.0.0.1', 3000)).toBe('http://localhost:3000')
    expect(localPublicUrl('0.0.0.0', 8080)).toBe('http://localhost:8080')
  })

  it('keeps any other host as it is, an IPv6 one in brackets', () => {
    expect(localPublicUrl('::', 3000)).toBe('http://[::1]:3000')
    expect(localPublicUrl('::1', 3000)).toBe('http://[::1]:3000')
    expect(localPublicUrl('exams.internal', 3000)).toBe('http://exams.internal:3000')
  })
})
