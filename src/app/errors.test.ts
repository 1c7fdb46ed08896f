import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RETAKE_CODES } from '../domain/retake-decision.js'
import { ERROR_CATALOGUE } from './errors.js'

const docs = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8')
const documented = new Map(
  [...docs.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((match) => [
    match[1]!,
    Number(match[2]),
  ]),
)

describe('the error catalogue', () => {
  it('is documented in docs/errors.md, code for code and status for status', () => {
    const catalogue = new Map(
      Object.entries(ERROR_CATALOGUE).map(([code, entry]) => [code, entry.status]),
    )
    expect(documented).toEqual(catalogue)
  })

  it('has a code for every way the retake engine can refuse', () => {
    for (const code of RETAKE_CODES.filter((code) => code !== 'ELIGIBLE')) {
      expect(Object.keys(ERROR_CATALOGUE)).toContain(code)
    }
  })

  it('writes a sentence for every code, even without facts', () => {
    for (const code of Object.keys(ERROR_CATALOGUE) as (keyof typeof ERROR_CATALOGUE)[]) {
      const entry = ERROR_CATALOGUE[code]
      expect(entry.status).toBeGreaterThanOrEqual(400)
      expect(typeof entry.sentence({})).toBe('string')
    }
  })
})
