import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/engine/database.js'
import { countFailure, findThrottle } from '../../src/db/vouchers/code-throttles.js'
import {
  CANDIDATE_LIMITS,
  decideCountedFailure,
  recordFailure,
  type ThrottleLimits,
  type ThrottleState,
} from '../../src/domain/code-throttle.js'
import type { Instant } from '../../src/domain/instant.js'
import { openAnotherConnection } from '../support/another-connection.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

const T0: Instant = Date.UTC(2026, 11, 1, 9)
const SMALL: ThrottleLimits = { maxFailures: 3, windowMs: 10_000, lockMs: 25_000 }

describe.each(testDatabases())('wrong-code counts in the database ($name)', ({ open }) => {
  const db = useFreshDatabase(open)
  const others: Database[] = []
  afterEach(async () => {
    for (const other of others.splice(0)) await other.close()
  })

  it('counts as the domain rule does, at instants on and beside every boundary (property)', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<ThrottleLimits>(SMALL, { ...SMALL, maxFailures: 1 }, CANDIDATE_LIMITS),
        fc.array(fc.constantFrom(0, 1, 9_999, 10_000, 24_999, 25_000, 40_000), {
          maxLength: 12,
        }),
        async (limits, gaps) => {
          const scope = `candidate:run-${run++}`
          let expected: ThrottleState | null = null
          let now = T0
          for (const gap of gaps) {
            now += gap
            expected = recordFailure(expected, now, limits)
            expect(await countFailure(db(), scope, now, limits)).toEqual(expected)
          }
          expect(await findThrottle(db(), scope)).toEqual(expected)
        },
      ),
      { numRuns: 40 },
    )
  })

  it('lets exactly the limit through when connections of three processes count at once', async () => {
    const pools = [db()]
    for (let i = 0; i < 2; i++) {
      const other = await openAnotherConnection(db())
      others.push(other)
      pools.push(other.db)
    }
    const counted = await Promise.all(
      Array.from({ length: 60 }, (_, i) => countFailure(pools[i % 3]!, 'token:desk', T0, SMALL)),
    )
    const allowed = counted.filter((state) => decideCountedFailure(state, SMALL).allowed)
    expect(allowed).toHaveLength(SMALL.maxFailures)
    // Every count was its own: 1 to 60, none lost.
    expect(counted.map((state) => state.failures).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    )
    expect(await findThrottle(db(), 'token:desk')).toEqual({
      failures: 60,
      windowStartedAt: T0,
      lockedUntil: T0 + SMALL.lockMs,
    })
  })
})
