import { describe, expect, it } from 'vitest'
import { drawReadableId } from '../../src/app/readable-ids.js'
import { parseRegistrationCode } from '../../src/domain/registration-code.js'

describe('readable ids', () => {
  it('are registration codes a candidate can read out, and do not repeat across many refills of the pool', () => {
    // 4 KB of random bytes make 341 ids: 20,000 ids take the pool through 58 refills.
    const ids = Array.from({ length: 20_000 }, drawReadableId)
    for (const id of ids.slice(0, 500)) {
      expect(id).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){2}$/)
      expect(parseRegistrationCode(id.toLowerCase().replaceAll('-', ' '))).toBe(id)
    }
    expect(new Set(ids).size).toBe(ids.length)
  })
})
