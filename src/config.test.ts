import { describe, expect, it } from 'vitest'
import { readConfig } from './config.js'

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
