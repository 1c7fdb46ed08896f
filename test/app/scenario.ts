import type { Kysely } from 'kysely'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { type Clock, fixedClock } from '../../src/app/clock.js'
import { AppError, type ErrorCode, type ErrorFacts } from '../../src/app/errors.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import type { Database } from '../../src/db/engine/database.js'
import type { DB } from '../../src/db/engine/schema.js'
import { DAY_MS, HOUR_MS, type Instant, parseInstant } from '../../src/domain/instant.js'
import { type TestDatabase, useFreshDatabase } from '../support/databases.js'

/**
 * Helpers for use-case tests: a fresh database and a fixed clock per test,
 * instants written as text, and refusals read as their code and field.
 */

/** The "now" of every use-case test unless it says otherwise: Monday 15 June 2026, 12:00 UTC. */
export const NOW: Instant = instant('2026-06-15T12:00:00Z')

export function instant(text: string): Instant {
  const parsed = parseInstant(text)
  if (parsed === null) throw new Error(`not an instant: ${text}`)
  return parsed
}

/** An instant as RFC 3339 text (what a caller sends), so that failures read as dates. */
export function iso(at: Instant): string
export function iso(at: Instant | null): string | null
export function iso(at: Instant | null): string | null {
  return at === null ? null : new Date(at).toISOString()
}

export const hours = (n: number) => n * HOUR_MS
export const days = (n: number) => n * DAY_MS

export interface AppDeps {
  readonly db: Kysely<DB>
  readonly clock: Clock
}

/**
 * A fresh migrated database and a clock fixed at `now` for each test of the
 * enclosing suite (the clock is reset before every test).
 */
export function useApp(open: TestDatabase['open'], now: Instant = NOW) {
  const db = useFreshDatabase(open)
  const clock = fixedClock(now)
  beforeEach(() => clock.set(now))
  return { db, clock, deps: (): AppDeps => ({ db: db(), clock }) }
}

/**
 * One database per suite (not per test), for tests that do not get in each
 * other's way: each creates what it needs under its own names, or only reads.
 * `prepare` runs once, after the database is opened (load the demo, say).
 */
export function useSuiteDatabase(
  open: TestDatabase['open'],
  prepare: (deps: AppDeps) => Promise<unknown> = async () => {},
  now: Instant = NOW,
) {
  let database: Database | undefined
  const clock = fixedClock(now)
  beforeAll(async () => {
    database = await open()
    await prepare({ db: database.db, clock })
  })
  afterAll(async () => {
    await database?.close()
  })
  return {
    deps: (): AppDeps => {
      if (!database) throw new Error('The suite database is open only inside the suite')
      return { db: database.db, clock }
    },
  }
}

/** One database per suite with the demo loaded at `now`, for tests that only read. */
export function useDemoForReading(open: TestDatabase['open'], now: Instant = NOW) {
  return useSuiteDatabase(open, (deps) => loadDemo(deps), now)
}

/** What a refused command said: its code, the field at fault and every fact. */
export interface Refusal {
  readonly code: ErrorCode
  readonly field: string | undefined
  readonly facts: ErrorFacts
  readonly message: string
}

/**
 * Runs a command that must be refused with an AppError, and returns the
 * refusal. A use case that may answer at once (`decideEligibility`) may
 * also refuse at once: pass it as a function, so that its throw is caught.
 */
export async function refusalOf(command: Promise<unknown> | (() => unknown)): Promise<Refusal> {
  try {
    await (typeof command === 'function' ? command() : command)
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    return {
      code: error.code,
      field: error.facts.field,
      facts: error.facts,
      message: error.message,
    }
  }
  throw new Error('expected the command to be refused with an AppError, but it succeeded')
}
