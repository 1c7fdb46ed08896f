import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { purgeEndedSignIns } from '../../src/app/accounts/purge-ended-sign-ins.js'
import { insertEmailChange } from '../../src/db/accounts/email-change-requests.js'
import { insertSession } from '../../src/db/accounts/sessions.js'
import { insertSignInRequest } from '../../src/db/accounts/sign-in-requests.js'
import { writeInstant } from '../../src/db/engine/columns.js'
import type { DB } from '../../src/db/engine/schema.js'
import { DAY_MS, HOUR_MS, type Instant } from '../../src/domain/instant.js'
import { NOW, useApi } from '../api/api-harness.js'
import { openAnotherConnection } from '../support/another-connection.js'
import { testDatabases } from '../support/databases.js'

const MINUTE = 60_000
/** The demo's support agent: every row below is hers. */
const ACCOUNT = 'acct-rosa'

/** A session of the account, as a sign-in makes one and its uses and end leave it. */
function session(
  db: Kysely<DB>,
  id: string,
  at: { createdAt: Instant; lastSeenAt?: Instant; endedAt?: Instant },
) {
  return insertSession(db, {
    id,
    secretHash: `hash-${id}`,
    accountId: ACCOUNT,
    createdAt: at.createdAt,
    lastSeenAt: at.lastSeenAt ?? at.createdAt,
    endedAt: null,
    endedReason: null,
    userAgent: null,
    address: null,
  }).then(async () => {
    if (at.endedAt !== undefined)
      await db
        .updateTable('sessions')
        .set({ ended_at: writeInstant(at.endedAt), ended_reason: 'signed-out' })
        .where('id', '=', id)
        .execute()
  })
}

/** A request made at `createdAt`, for 15 minutes, spent at `spentAt` if given. */
async function requests(db: Kysely<DB>, id: string, createdAt: Instant, spentAt?: Instant) {
  const common = {
    id,
    accountId: ACCOUNT,
    linkHash: `link-${id}`,
    codeHash: `code-${id}`,
    createdAt,
    expiresAt: createdAt + 15 * MINUTE,
    spentAt: null,
    wrongCodes: 0,
  }
  await insertSignInRequest(db, { ...common, signUp: null })
  await insertEmailChange(db, {
    ...common,
    newEmail: `${id}@example.org`,
    requestedBy: ACCOUNT,
  })
  if (spentAt !== undefined) {
    await db
      .updateTable('sign_in_requests')
      .set({ spent_at: writeInstant(spentAt) })
      .where('id', '=', id)
      .execute()
    await db
      .updateTable('email_change_requests')
      .set({ spent_at: writeInstant(spentAt) })
      .where('id', '=', id)
      .execute()
  }
}

async function ids(
  db: Kysely<DB>,
  table: 'sessions' | 'sign_in_requests' | 'email_change_requests',
) {
  const rows = await db.selectFrom(table).select('id').orderBy('id').execute()
  return rows.map((row) => row.id)
}

describe.each(testDatabases())('forgetting ended sign-ins on $name', ({ open }) => {
  const world = useApi(open)

  it('forgets sessions ended or timed out, and requests spent or expired, more than a day ago, and nothing else', async () => {
    const db = world().db
    const dayAgo = NOW - DAY_MS
    // Sessions: the 30-minute idle and 12-hour absolute timeouts are in force.
    await session(db, 's-ended-long-ago', { createdAt: dayAgo - HOUR_MS, endedAt: dayAgo - 1 })
    await session(db, 's-ended-a-day-ago', {
      createdAt: dayAgo - HOUR_MS,
      lastSeenAt: dayAgo - MINUTE,
      endedAt: dayAgo,
    })
    await session(db, 's-idle-long-ago', {
      createdAt: dayAgo - HOUR_MS,
      lastSeenAt: dayAgo - 30 * MINUTE - 1,
    })
    // Its idle end was found only now: it ended at the idle end all the same.
    await session(db, 's-idle-ended-late', {
      createdAt: dayAgo - HOUR_MS,
      lastSeenAt: dayAgo - 30 * MINUTE - 1,
      endedAt: NOW - MINUTE,
    })
    await session(db, 's-idle-a-day-ago', {
      createdAt: dayAgo - HOUR_MS,
      lastSeenAt: dayAgo - 30 * MINUTE,
    })
    await session(db, 's-too-old', {
      createdAt: dayAgo - 12 * HOUR_MS - 1,
      lastSeenAt: NOW - MINUTE,
    })
    await session(db, 's-live', { createdAt: NOW - HOUR_MS, lastSeenAt: NOW - MINUTE })
    await session(db, 's-ended-today', { createdAt: NOW - HOUR_MS, endedAt: NOW - MINUTE })
    // Requests last 15 minutes.
    await requests(db, 'r-expired-long-ago', dayAgo - 15 * MINUTE - 1)
    await requests(db, 'r-expired-a-day-ago', dayAgo - 15 * MINUTE)
    await requests(db, 'r-spent-long-ago', dayAgo - 10 * MINUTE, dayAgo - 1)
    await requests(db, 'r-spent-a-day-ago', dayAgo - 10 * MINUTE, dayAgo)
    await requests(db, 'r-live', NOW - MINUTE)

    expect(await purgeEndedSignIns(world())).toEqual({
      sessions: 4,
      signInRequests: 2,
      emailChanges: 2,
    })
    expect(await ids(db, 'sessions')).toEqual([
      's-ended-a-day-ago',
      's-ended-today',
      's-idle-a-day-ago',
      's-live',
    ])
    const kept = ['r-expired-a-day-ago', 'r-live', 'r-spent-a-day-ago']
    expect(await ids(db, 'sign_in_requests')).toEqual(kept)
    expect(await ids(db, 'email_change_requests')).toEqual(kept)

    world().clock.set(NOW + 1)
    expect(await purgeEndedSignIns(world())).toEqual({
      sessions: 2,
      signInRequests: 2,
      emailChanges: 2,
    })
    expect(await ids(db, 'sessions')).toEqual(['s-ended-today', 's-live'])
  })

  it('reads the timeouts in force: a shorter idle timeout forgets sooner', async () => {
    const db = world().db
    await session(db, 's-quiet', {
      createdAt: NOW - DAY_MS - HOUR_MS,
      lastSeenAt: NOW - DAY_MS - 6 * MINUTE,
    })
    expect((await purgeEndedSignIns(world())).sessions).toBe(0)
    const short = { ...world(), sessionTimeouts: { idleMs: 5 * MINUTE, absoluteMs: 12 * HOUR_MS } }
    expect((await purgeEndedSignIns(short)).sessions).toBe(1)
  })

  it('may run in several processes at once, in batches: every ended row goes once, without an error', async () => {
    const db = world().db
    for (let i = 0; i < 30; i++) {
      const id = String(i).padStart(2, '0')
      await session(db, `s-${id}`, { createdAt: NOW - 2 * DAY_MS, endedAt: NOW - 2 * DAY_MS + i })
      await requests(db, `r-${id}`, NOW - 2 * DAY_MS + i)
    }
    await session(db, 's-live', { createdAt: NOW - MINUTE })
    const others = await Promise.all([openAnotherConnection(db), openAnotherConnection(db)])
    try {
      const outcomes = await Promise.all([
        purgeEndedSignIns(world(), 4),
        ...others.map((other) => purgeEndedSignIns({ db: other.db, clock: world().clock }, 4)),
      ])
      const total = (key: 'sessions' | 'signInRequests' | 'emailChanges') =>
        outcomes.reduce((sum, outcome) => sum + outcome[key], 0)
      expect([total('sessions'), total('signInRequests'), total('emailChanges')]).toEqual([
        30, 30, 30,
      ])
      expect(await ids(db, 'sessions')).toEqual(['s-live'])
      expect(await ids(db, 'sign_in_requests')).toEqual([])
      expect(await ids(db, 'email_change_requests')).toEqual([])
    } finally {
      for (const other of others) await other.close()
    }
  })
})
