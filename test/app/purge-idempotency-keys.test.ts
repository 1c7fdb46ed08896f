import { describe, expect, it } from 'vitest'
import { purgeIdempotencyKeys } from '../../src/app/operations/purge-idempotency-keys.js'
import { writeInstant } from '../../src/db/engine/columns.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  instant,
  NOW,
  registerCandidate,
  useApi,
} from '../api/api-harness.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { openAnotherConnection } from '../support/another-connection.js'
import { testDatabases } from '../support/databases.js'

const HOUR = 3_600_000

async function keys(w: ApiWorld): Promise<string[]> {
  const rows = await w.db.selectFrom('idempotency_keys').select('key').orderBy('key').execute()
  return rows.map((row) => row.key)
}

describe.each(testDatabases())('purging idempotency keys on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it('forgets keys older than the retention, keeps newer ones, and a retry within it answers the same', async () => {
    const w = get()
    await call(w, 'POST', '/v1/exams', { number: '70-620', title: 'Purge exam' })
    await deliver(w.db, 'prometric', ['070-620'])
    const slot = await createSlot(w.db, await createCentre(w.db), instant('2026-07-01T09:00:00Z'))
    const ana = await registerCandidate(w, { email: 'ana@example.com' })
    const ben = await registerCandidate(w, { email: 'ben@example.com' })

    const old = expectOk<{ id: string }>(
      await book(w, { candidateId: ana, slotId: slot }, 'old'),
      201,
    )
    w.clock.set(NOW + 2 * HOUR)
    const recent = expectOk<{ id: string }>(
      await book(w, { candidateId: ben, slotId: slot }, 'recent'),
      201,
    )

    // 24 hours and a millisecond after the first booking, one hour 59 after the second.
    w.clock.set(NOW + 24 * HOUR + 1)
    expect(await purgeIdempotencyKeys(w, 24)).toEqual({ deleted: 1, batches: 1 })
    expect(await keys(w)).toEqual(['recent'])

    const retried = await book(w, { candidateId: ben, slotId: slot }, 'recent')
    expect(expectOk<{ id: string }>(retried, 201).id).toBe(recent.id)
    expect(retried.headers['idempotent-replayed']).toBe('true')
    // The purged key is free again; the registration it made stays.
    expect(
      expectOk(await call(w, 'GET', `/v1/registrations/${old.id}`)).registration,
    ).toMatchObject({ id: old.id, status: 'booked' })
  })

  it('deletes in batches of the size given, until one comes up short', async () => {
    const w = get()
    const row = (key: string, at: number) => ({
      principal_id: 'tok',
      key,
      request_hash: 'h',
      status_code: 200,
      response: '{}',
      created_at: writeInstant(at),
    })
    await w.db
      .insertInto('idempotency_keys')
      .values([
        ...['a', 'b', 'c', 'd', 'e'].map((key, i) => row(key, NOW - 48 * HOUR + i)),
        row('fresh', NOW - HOUR),
      ])
      .execute()
    expect(await purgeIdempotencyKeys(w, 24, 2)).toEqual({ deleted: 5, batches: 3 })
    expect(await keys(w)).toEqual(['fresh'])
    expect(await purgeIdempotencyKeys(w, 24, 2)).toEqual({ deleted: 0, batches: 1 })
  })

  it('may run in two processes at once: every old key goes once, without an error', async () => {
    const w = get()
    await w.db
      .insertInto('idempotency_keys')
      .values(
        Array.from({ length: 40 }, (_, i) => ({
          principal_id: 'tok',
          key: `k${String(i).padStart(2, '0')}`,
          request_hash: 'h',
          status_code: 200,
          response: '{}',
          created_at: writeInstant(NOW - 48 * HOUR + i),
        })),
      )
      .execute()
    const other = await openAnotherConnection(w.db)
    try {
      const outcomes = await Promise.all([
        purgeIdempotencyKeys(w, 24, 3),
        purgeIdempotencyKeys({ db: other.db, clock: w.clock }, 24, 3),
      ])
      expect(outcomes[0]!.deleted + outcomes[1]!.deleted).toBe(40)
      expect(await keys(w)).toEqual([])
    } finally {
      await other.close()
    }
  })
})
