import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isNestedDeeperThan } from './json-depth.js'

/** How many objects and arrays `value` opens inside one another. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0
  const children = Object.values(value)
  return 1 + Math.max(0, ...children.map(depthOf))
}

// Text full of what the scan must not count: brackets, quotes and backslashes.
const trickyText = fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a', 'é') })

const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    trickyText,
    fc.integer(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(trickyText, tie('value'), { maxKeys: 3 }),
  ),
})).value

describe('isNestedDeeperThan', () => {
  it('agrees with the depth of the parsed value, whatever the strings hold', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 6 }), (value, maxDepth) => {
        const bytes = Buffer.from(JSON.stringify(value))
        expect(isNestedDeeperThan(bytes, maxDepth)).toBe(depthOf(value) > maxDepth)
      }),
      { numRuns: 500 },
    )
  })
})
