import type { FastifyInstance } from 'fastify'
import type { Kysely, KyselyPlugin } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/app/clock.js'
import { newVoucher } from '../../src/app/vouchers/new-voucher.js'
import { appendAudit } from '../../src/db/audit-log.js'
import { writeInstant } from '../../src/db/engine/columns.js'
import type { Database } from '../../src/db/engine/database.js'
import type { DB } from '../../src/db/engine/schema.js'
import { insertExceptionRequest } from '../../src/db/exceptions/exception-requests.js'
import { enqueueMail } from '../../src/db/mail/outbox.js'
import {
  insertVoucher,
  insertVoucherUse,
  returnVoucherUse,
} from '../../src/db/vouchers/vouchers.js'
import { SECOND_SHOT_VERSIONS, STUDY_BOOK_DISCOUNT } from '../../src/demo/demo-offers.js'
import { DAY_MS } from '../../src/domain/instant.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { createCandidate } from '../factories/catalogue.js'
import { mailMessage } from '../factories/mail.js'
import { preparedTokens, testDatabases } from '../support/databases.js'
import { OTHER_PROVIDER, PREPARED_PROVIDER } from '../support/prepared-databases.js'
import { NOW } from './api-harness.js'

/**
 * The staff console's page of a candidate reads every part of their record
 * at once; each request it makes must run the same number of SQL statements
 * for a candidate with a handful of records as for one with hundreds, or a
 * long history would cost a statement per row (an N+1). Every statement
 * Kysely executes is counted by a plugin on the app's database.
 */

/** Counts the statements executed through the Kysely it is plugged into (each result passes here once). */
class StatementCounter implements KyselyPlugin {
  count = 0
  transformQuery: KyselyPlugin['transformQuery'] = (args) => args.node
  transformResult: KyselyPlugin['transformResult'] = async (args) => {
    this.count++
    return args.result
  }
}

const EXAMS = ['070-620', '070-680'] as const

/** A candidate with `size` registrations, attempts, mails, codes (with uses), requests and audit entries. */
async function candidateWithHistory(db: Kysely<DB>, size: number): Promise<string> {
  const candidate = await createCandidate(db)
  const centre = await createCentre(db, { providerId: PREPARED_PROVIDER })
  const past = await createSlot(db, centre, NOW - 400 * DAY_MS, 1000)
  const ahead = await createSlot(db, centre, NOW + 10 * DAY_MS, 1000)
  const registrations: string[] = []
  for (let i = 0; i < size; i++) {
    const id = `${candidate.id}-reg-${i}`
    const attempt = `${candidate.id}-att-${i}`
    const exam = EXAMS[i % EXAMS.length]!
    const takenAt = writeInstant(NOW - (400 - i) * DAY_MS)
    await db
      .insertInto('attempts')
      .values({
        id: attempt,
        candidate_id: candidate.id,
        exam_number: exam,
        provider_id: i % 2 === 0 ? PREPARED_PROVIDER : OTHER_PROVIDER,
        taken_at: takenAt,
        outcome: i % 3 === 0 ? 'pass' : 'fail',
        recorded_at: takenAt,
        updated_at: takenAt,
      })
      .execute()
    await db
      .insertInto('registrations')
      .values({
        id,
        candidate_id: candidate.id,
        exam_number: exam,
        slot_id: past,
        provider_id: PREPARED_PROVIDER,
        status: 'completed',
        channel: 'web',
        booked_by: candidate.id,
        booked_by_role: 'candidate',
        booked_by_name: null,
        booked_by_label: null,
        booked_by_provider_id: null,
        booked_reason: null,
        waiver_id: null,
        attempt_id: attempt,
        created_at: takenAt,
        updated_at: takenAt,
        price_currency: null,
        list_cents: null,
        due_cents: null,
        hold_expires_at: null,
        hold_ended: null,
      })
      .execute()
    registrations.push(id)
    await insertExceptionRequest(db, {
      id: `${candidate.id}-req-${i}`,
      candidateId: candidate.id,
      registrationId: id,
      exam,
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      email: candidate.email,
      description: 'The lab lost power for an hour during the exam.',
      providerCaseNumber: `CASE-${i}`,
      reason: 'lab-crash',
      status: 'open',
      channel: 'web',
      requestedAt: NOW - (300 - i) * DAY_MS,
      requestedBy: candidate.id,
      requestedByRole: 'candidate',
      review: null,
    })
    await enqueueMail(
      db,
      mailMessage({
        id: `${candidate.id}-mail-${i}`,
        dedupeKey: `test:${candidate.id}:${i}`,
        candidateId: candidate.id,
        recipient: candidate.email,
        createdAt: NOW - (300 - i) * DAY_MS,
      }),
    )
    await appendAudit(db, {
      id: `${candidate.id}-audit-${i}`,
      at: NOW - (300 - i) * DAY_MS,
      actorId: 'support-rosa',
      actorRole: 'support',
      channel: 'phone',
      actorName: 'Rosa Delgado',
      reason: 'The candidate called.',
      candidateId: candidate.id,
      subjectType: 'registration',
      subjectId: id,
      action: 'registration-cancelled',
      detail: {},
    })
    // Codes of two offers, each used by a registration, every third use given back.
    const offer = i % 2 === 0 ? STUDY_BOOK_DISCOUNT : SECOND_SHOT_VERSIONS.at(-1)!
    const voucher = newVoucher(offer, { candidateId: candidate.id, issuedBy: 'test' }, NOW)
    await insertVoucher(db, voucher)
    const useId = `${candidate.id}-use-${i}`
    await insertVoucherUse(db, {
      id: useId,
      code: voucher.code,
      registrationId: id,
      exam,
      kind: offer === STUDY_BOOK_DISCOUNT ? 'percent-off' : 'first-attempt',
      slot: `first:${exam}`,
      usedAt: NOW - (400 - i) * DAY_MS,
    })
    if (i % 3 === 0) await returnVoucherUse(db, useId, NOW - (399 - i) * DAY_MS)
  }
  // One upcoming booking, as the page shows ahead of the history.
  await db
    .updateTable('registrations')
    .set({ slot_id: ahead, status: 'booked', attempt_id: null })
    .where('id', '=', registrations.at(-1)!)
    .execute()
  return candidate.id
}

/** Every request the candidate's page makes, for this candidate. */
function pageRequests(candidateId: string): readonly string[] {
  const c = `/v1/candidates/${candidateId}`
  return [
    c,
    `${c}/registrations?limit=200`,
    `${c}/attempts?limit=200`,
    ...EXAMS.map((exam) => `${c}/eligibility?exam=${exam}`),
    ...EXAMS.map((exam) => `${c}/timeline?exam=${exam}`),
    `${c}/certifications`,
    `${c}/codes?limit=200`,
    `${c}/beta-invitations`,
    '/v1/exams?status=beta',
    `${c}/beta-standing?exam=071-621`,
    `${c}/exception-requests?limit=200`,
    `/v1/admin/mail?candidateId=${candidateId}&limit=200`,
    `${c}/audit?limit=200`,
    '/v1/providers',
  ]
}

describe.each(testDatabases())('the candidate page’s statements ($name)', ({ open }) => {
  let database: Database
  let app: FastifyInstance
  const counter = new StatementCounter()
  let short = ''
  let long = ''

  beforeAll(async () => {
    database = await open({ content: 'demo' })
    await deliver(database.db, PREPARED_PROVIDER, [...EXAMS])
    short = await candidateWithHistory(database.db, 5)
    long = await candidateWithHistory(database.db, 200)
    app = await buildExamdeskApp({ db: database.db.withPlugin(counter), clock: fixedClock(NOW) })
  }, 120_000)
  afterAll(async () => {
    await app?.close()
    await database?.close()
  })

  async function statementsFor(url: string): Promise<number> {
    const before = counter.count
    const response = await app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${preparedTokens().support}` },
    })
    expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200)
    return counter.count - before
  }

  it('runs as many statements for 200 of everything as for 5', async () => {
    // Once first, so that caches filled on a first request (tokens, catalogue) count for neither.
    for (const url of [...pageRequests(short), ...pageRequests(long)]) await statementsFor(url)
    const counts = []
    for (const [index, url] of pageRequests(short).entries()) {
      counts.push({
        request: url.replace(short, '{id}'),
        short: await statementsFor(url),
        long: await statementsFor(pageRequests(long)[index]!),
      })
    }
    expect(counts.filter((c) => c.short !== c.long)).toEqual([])
    // A use given back by a cancellation is listed apart from those that count.
    const codes = JSON.parse(
      (
        await app.inject({
          method: 'GET',
          url: `/v1/candidates/${short}/codes?limit=200`,
          headers: { authorization: `Bearer ${preparedTokens().support}` },
        })
      ).body,
    ) as { items: { uses: { registrationId: string }[]; returned: { registrationId: string }[] }[] }
    const returned = codes.items.flatMap((code) => code.returned.map((use) => use.registrationId))
    expect(returned.sort()).toEqual([`${short}-reg-0`, `${short}-reg-3`])
    expect(codes.items.flatMap((code) => code.uses.map((use) => use.registrationId))).toHaveLength(
      3,
    )
    // Nothing answered from nothing: every request read the database.
    expect(counts.filter((c) => c.request.startsWith('/v1/candidates') && c.short === 0)).toEqual(
      [],
    )
  })
})
