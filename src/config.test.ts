import { describe, expect, it } from 'vitest'
import { readConfig } from './config.js'

describe('readConfig: EXAMDESK_HOLD_MINUTES', () => {
  it('holds an unpaid seat for 30 minutes unless told, and takes whole minutes only', () => {
    expect(readConfig({}).holdMinutes).toBe(30)
    expect(readConfig({ EXAMDESK_HOLD_MINUTES: '' }).holdMinutes).toBe(30)
    expect(readConfig({ EXAMDESK_HOLD_MINUTES: '45' }).holdMinutes).toBe(45)
    for (const bad of ['0', '-5', '1.5', 'ten', '10081'])
      expect(() => readConfig({ EXAMDESK_HOLD_MINUTES: bad })).toThrow(/EXAMDESK_HOLD_MINUTES/)
  })
})
