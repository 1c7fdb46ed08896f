import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  call,
  expectOk,
  expectProblem,
  readProblem,
  registerCandidate,
  useApi,
} from './api-harness.js'
import { createBetaExam, setBetaProgramme } from './beta-world.js'

const compose = (w: ApiWorld, name: string, candidateIds: readonly string[]) =>
  call(w, 'POST', '/v1/exams/71-620/beta-programme/waves', {
    name,
    audience: 'list',
    codeMode: 'single-use',
    candidateIds,
  })

/** Waits until `count` statements are waiting for a lock on the table (a condition, not a delay). */
async function untilWaiting(w: ApiWorld, table: string, count: number): Promise<void> {
  for (;;) {
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from pg_locks
      where not granted and relation = ${table}::regclass`.execute(w.db)
    if (Number(rows[0]!.n) >= count) return
    await new Promise((resolve) => setImmediate(resolve))
  }
}

// SQLite has one writer: two compositions never overlap there.
const postgres = testDatabases().filter((database) => database.name === 'postgres')

describe.each(postgres)('two waves composed at once on $name', ({ open }) => {
  const get = useApi((options) => open({ ...options, poolMax: 10 }), { demo: false })

  it('makes one and answers the other 409 WAVE_CONFLICT, not a 500', async () => {
    const w = get()
    await createBetaExam(w)
    await setBetaProgramme(w, { acceptsNewCandidates: false })
    const [a, b] = [
      await registerCandidate(w, { email: 'a@example.com' }),
      await registerCandidate(w, { email: 'b@example.com' }),
    ]
    // Both compositions read the next position before either writes its wave: the race, every time.
    const answers = await w.db.connection().execute(async (connection) => {
      await sql`begin`.execute(connection)
      await sql`lock table invitation_waves in share row exclusive mode`.execute(connection)
      const racing = Promise.all([compose(w, 'first', [a]), compose(w, 'second', [b])])
      await untilWaiting(w, 'invitation_waves', 2)
      await sql`commit`.execute(connection)
      return racing
    })

    const outcomes = answers
      .map((response) =>
        response.statusCode === 201
          ? '201'
          : `${response.statusCode} ${readProblem(response).code}`,
      )
      .sort()
    expect(outcomes).toEqual(['201', '409 WAVE_CONFLICT'])
    const refused = answers.find((response) => response.statusCode === 409)!
    expect(readProblem(refused).detail).toContain('at the same moment')

    // Nothing of the refused one was kept; composing it again now works.
    const made = await w.db.selectFrom('invitation_waves').select('position').execute()
    expect(made.map((row) => Number(row.position))).toEqual([1])
    const loser = answers[0]!.statusCode === 409 ? a : b
    expect(expectOk<{ position: number }>(await compose(w, 'again', [loser!]), 201).position).toBe(
      2,
    )
    expectProblem(await compose(w, 'again', [loser!]), 422, 'WAVE_EMPTY')
  })
})
