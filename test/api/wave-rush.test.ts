import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { createCentre, createSlot } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  instant,
  readProblem,
  registerCandidate,
  useApi,
} from './api-harness.js'
import { BETA, createBetaExam, setBetaProgramme } from './beta-world.js'

interface Wave {
  id: string
  code: string | null
  invited: number
}

async function candidates(w: ApiWorld, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    ids.push(await registerCandidate(w, { email: `${prefix}${i}@example.com` }))
  }
  return ids
}

/** An open per-wave wave of `invitees`, its code good for as many registrations. */
async function openWave(w: ApiWorld, invitees: readonly string[]): Promise<Wave> {
  const wave = expectOk<Wave>(
    await call(w, 'POST', '/v1/exams/71-620/beta-programme/waves', {
      name: 'rush',
      audience: 'list',
      codeMode: 'per-wave',
      candidateIds: invitees,
    }),
    201,
  )
  expectOk(await call(w, 'POST', `/v1/waves/${wave.id}/open`))
  return wave
}

/** How many answers had each status and problem code, e.g. `{ '201': 150, '409 BETA_SEATS_FULL': 50 }`. */
function tally(answers: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const answer of answers) counts[answer] = (counts[answer] ?? 0) + 1
  return counts
}

async function counters(w: ApiWorld, code: string) {
  const programme = await w.db
    .selectFrom('beta_programmes')
    .select('seats_taken')
    .where('exam_number', '=', BETA)
    .executeTakeFirstOrThrow()
  const voucher = await w.db
    .selectFrom('vouchers')
    .select('uses_taken')
    .where('code', '=', code.replaceAll('-', ''))
    .executeTakeFirstOrThrow()
  const uses = await w.db
    .selectFrom('voucher_uses')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('voucher_code', '=', code.replaceAll('-', ''))
    .where('returned_at', 'is', null)
    .executeTakeFirstOrThrow()
  const registrations = await w.db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('exam_number', '=', BETA)
    .executeTakeFirstOrThrow()
  return {
    seatsTaken: Number(programme.seats_taken),
    usesTaken: Number(voucher.uses_taken),
    uses: Number(uses.n),
    registrations: Number(registrations.n),
  }
}

describe.each(testDatabases())('a rush on a wave’s shared code on $name', ({ open }) => {
  // The server's own pool size, so that bookings really run side by side on PostgreSQL.
  const get = useApi((options) => open({ ...options, poolMax: 10 }), { demo: false })

  it('gives a many-use code to as many simultaneous bookings as it has uses, and no more', async () => {
    const w = get()
    await createBetaExam(w)
    // Open registration: a forwarded code works for anyone, so more bookings than uses can race.
    await setBetaProgramme(w, { seatLimit: 100, acceptsNewCandidates: true })
    const slot = await createSlot(
      w.db,
      await createCentre(w.db),
      instant('2026-07-01T09:00:00Z'),
      50,
    )
    const invitees = await candidates(w, 20, 'inv')
    const forwardedTo = await candidates(w, 5, 'fwd')
    const wave = await openWave(w, invitees)

    const answers = await Promise.all(
      [...invitees, ...forwardedTo].map(async (candidateId, i) => {
        const response = await book(
          w,
          { candidateId, exam: BETA, slotId: slot, voucherCodes: [wave.code!] },
          `rush-${i}`,
        )
        return response.statusCode === 201
          ? '201'
          : `${response.statusCode} ${readProblem(response).code}`
      }),
    )
    expect(tally(answers)).toEqual({ '201': 20, '409 CODE_ALREADY_USED': 5 })
    expect(await counters(w, wave.code!)).toEqual({
      seatsTaken: 20,
      usesTaken: 20,
      uses: 20,
      registrations: 20,
    })
  })

  it('books every invitee of a 200-invitee wave within the seat limit, 50 at once over HTTP, and tells the rest the beta is full', async () => {
    const w = get()
    await createBetaExam(w)
    await setBetaProgramme(w, { seatLimit: 150, acceptsNewCandidates: false })
    const centre = await createCentre(w.db)
    const slots = [
      await createSlot(w.db, centre, instant('2026-07-01T09:00:00Z'), 100),
      await createSlot(w.db, centre, instant('2026-07-01T13:00:00Z'), 100),
    ]
    const invitees = await candidates(w, 200, 'c')
    const wave = await openWave(w, invitees)

    await w.app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = w.app.server.address() as AddressInfo
    const bookOverHttp = async (candidateId: string, i: number): Promise<string> => {
      const response = await fetch(`http://127.0.0.1:${port}/v1/registrations`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${w.tokens.provider}`,
          'content-type': 'application/json',
          'idempotency-key': `rush-${i}`,
        },
        body: JSON.stringify({
          candidateId,
          exam: BETA,
          slotId: slots[i % 2],
          voucherCodes: [wave.code],
        }),
      })
      const body = (await response.json()) as { code?: string }
      return response.status === 201 ? '201' : `${response.status} ${body.code}`
    }
    // 50 requests in flight at every moment until all 200 are answered.
    const answers: string[] = []
    let next = 0
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < invitees.length) {
          const i = next++
          answers.push(await bookOverHttp(invitees[i]!, i))
        }
      }),
    )

    expect(tally(answers)).toEqual({ '201': 150, '409 BETA_SEATS_FULL': 50 })
    expect(await counters(w, wave.code!)).toEqual({
      seatsTaken: 150,
      usesTaken: 150,
      uses: 150,
      registrations: 150,
    })
  }, 60_000)
})
