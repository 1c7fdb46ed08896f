import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { openAnotherConnection } from '../support/another-connection.js'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, recordAttempt, registerCandidate, useApi } from './api-harness.js'

interface Eligibility {
  readonly eligible: boolean
  readonly code: string
  readonly timeZone: string
  readonly attemptNumber: number
}

/**
 * Eligibility answers may come from remembered reads (SQLite): every answer
 * must still reflect every write committed before it was asked, whether made
 * through the API or by another connection (another process). Another
 * connection's commits are looked for once per turn of the event loop, so
 * those questions are asked as a client asks them: over a socket.
 */
describe.each(testDatabases())('eligibility after writes ($name)', ({ open }) => {
  const world = useApi(open)

  const ask = async (candidate: string) =>
    expectOk<Eligibility>(
      await call(world(), 'GET', `/v1/candidates/${candidate}/eligibility?exam=70-620`),
    )

  it('reflects an attempt recorded through the API at once', async () => {
    const lea = await registerCandidate(world())
    expect(await ask(lea)).toMatchObject({ eligible: true, attemptNumber: 1 })
    expect(await ask(lea)).toMatchObject({ eligible: true, attemptNumber: 1 })
    await recordAttempt(world(), {
      candidateId: lea,
      exam: '70-620',
      takenAt: '2026-06-15T09:00:00Z',
      outcome: 'fail',
      provider: 'prometric',
    })
    expect(await ask(lea)).toMatchObject({ eligible: false, attemptNumber: 2 })
  })

  it('reflects writes committed by another connection in the next question over HTTP', async () => {
    const base = await world().app.listen({ host: '127.0.0.1', port: 0 })
    const askOverHttp = async (candidate: string): Promise<Eligibility> => {
      const response = await fetch(`${base}/v1/candidates/${candidate}/eligibility?exam=70-620`, {
        headers: { authorization: `Bearer ${world().tokens.admin}` },
      })
      expect(response.status).toBe(200)
      return (await response.json()) as Eligibility
    }
    const lea = await registerCandidate(world())
    const attempt = await recordAttempt(world(), {
      candidateId: lea,
      exam: '70-620',
      takenAt: '2026-06-15T09:00:00Z',
      outcome: 'fail',
      provider: 'prometric',
    })
    expect(await askOverHttp(lea)).toMatchObject({ attemptNumber: 2, timeZone: 'Europe/Paris' })
    const other = await openAnotherConnection(world().db)
    try {
      await sql`update candidates set time_zone = 'Asia/Tokyo' where id = ${lea}`.execute(other.db)
      expect(await askOverHttp(lea)).toMatchObject({ attemptNumber: 2, timeZone: 'Asia/Tokyo' })
      await sql`update attempts set outcome = 'pass' where id = ${attempt.id}`.execute(other.db)
      expect(await askOverHttp(lea)).toMatchObject({ eligible: false, code: 'ALREADY_PASSED' })
      await sql`delete from attempts where id = ${attempt.id}`.execute(other.db)
      expect(await askOverHttp(lea)).toMatchObject({ eligible: true, attemptNumber: 1 })
    } finally {
      await other.close()
    }
  })
})
