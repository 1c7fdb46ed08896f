import { describe, expect, it } from 'vitest'
import { listOpenWaivers } from '../../src/db/retakes/waivers.js'
import { EXCEPTION_POLICY, EXCEPTION_REQUEST_FIELDS } from '../../src/domain/exception-request.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  expectProblem,
  instant,
  recordAttempt,
  registerCandidate,
  reportResult,
  useApi,
} from './api-harness.js'

interface RequestOut {
  id: string
  candidateId: string
  registrationId: string
  exam: { number: string; title: string }
  status: 'open' | 'approved' | 'denied'
  requestedBy: { role: string; onBehalf: boolean }
  review: { decision: string; note: string; waivesWait: boolean; waivesLimit: boolean } | null
  waiver: { id: string; state: string; heldByRegistrationId: string | null } | null
}
interface RegistrationOut {
  id: string
  status: string
  waiverId: string | null
}
interface ProblemError {
  field: string
  code: string
  detail: string
}

const EXAM = '070-620'
/** When the sitting that went wrong was reported; the second failure's 14-day wait runs to 30 June 21:00 UTC. */
const AFTER_SITTING = instant('2026-06-17T01:00:00Z')

/**
 * Léa failed 70-620 on 1 June, then sat it again on 16 June at 21:00 UTC
 * (a Prometric centre in Auckland), where the lab crashed: a second failure,
 * so her next attempt must wait 14 days. The clock is just after that sitting.
 */
async function sittingThatWentWrong(w: ApiWorld) {
  await call(w, 'POST', '/v1/exams', { number: '70-620', title: 'TS: Configuring Windows Vista' })
  await deliver(w.db, 'prometric', [EXAM])
  const lea = await registerCandidate(w)
  await recordAttempt(w, {
    candidateId: lea,
    exam: EXAM,
    takenAt: '2026-06-01T08:00:00Z',
    outcome: 'fail',
    provider: 'prometric',
  })
  const centre = await createCentre(w.db)
  const slot = await createSlot(w.db, centre, instant('2026-06-16T21:00:00Z'))
  const sat = expectOk<RegistrationOut>(
    await book(w, { candidateId: lea, slotId: slot }, 'sitting'),
    201,
  )
  w.clock.set(AFTER_SITTING)
  expectOk(await reportResult(w, sat.id, 'fail'))
  return { lea, registrationId: sat.id, centre }
}

function requestBody(lea: string, registrationId: string) {
  return {
    firstName: 'Léa',
    lastName: 'Martin',
    candidateId: lea,
    email: 'lea.martin@example.fr',
    registrationId,
    exam: '70-620',
    description:
      'The workstation froze 40 minutes in; the proctor restarted it twice, then ended it.',
    providerCaseNumber: 'PRM-2026-004417',
    reason: 'lab-crash',
  }
}

// Support files for the candidate: a provider may not (it sees no exception requests), and
// candidates sign in as people, which this suite does not.
async function fileRequest(w: ApiWorld, body: object, role: 'admin' | 'support' = 'support') {
  return expectOk<RequestOut>(await call(w, 'POST', '/v1/exception-requests', body, role), 201)
}

function refusal(response: Awaited<ReturnType<typeof call>>, code = 'EXCEPTION_REQUEST_INVALID') {
  const problem = expectProblem(response, 422, code as 'EXCEPTION_REQUEST_INVALID')
  return { problem, errors: problem.errors as ProblemError[] }
}

async function mailOf(w: ApiWorld, candidateId: string) {
  return w.db
    .selectFrom('outbox')
    .select(['kind', 'recipient', 'subject', 'body_text', 'dedupe_key'])
    .where('candidate_id', '=', candidateId)
    .where('kind', 'like', 'exception-%')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

async function waiverCount(w: ApiWorld, candidateId: string) {
  const rows = await w.db
    .selectFrom('waivers')
    .select('id')
    .where('candidate_id', '=', candidateId)
    .execute()
  return rows.length
}

describe.each(testDatabases())('retake-exception requests on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it('files a request, mails that it was received, and shows it with its history', async () => {
    const w = get()
    const { lea, registrationId } = await sittingThatWentWrong(w)
    const filed = await fileRequest(w, {
      ...requestBody(lea, registrationId.toLowerCase()),
      exam: '070-620',
      email: 'LEA.MARTIN@example.fr',
    })
    expect(filed).toMatchObject({
      candidateId: lea,
      registrationId,
      exam: { number: EXAM, title: 'TS: Configuring Windows Vista' },
      status: 'open',
      requestedBy: { role: 'support', onBehalf: true },
      review: null,
      waiver: null,
    })
    const read = expectOk<{ request: RequestOut; history: { action: string }[] }>(
      await call(w, 'GET', `/v1/exception-requests/${filed.id.replaceAll('-', '')}`),
    )
    expect(read.request).toEqual(filed)
    expect(read.history.map((entry) => entry.action)).toEqual(['requested'])
    const list = expectOk<{ items: RequestOut[] }>(
      await call(w, 'GET', `/v1/candidates/${lea}/exception-requests`),
    )
    expect(list.items.map((item) => item.id)).toEqual([filed.id])
    expect(
      expectOk(await call(w, 'GET', `/v1/candidates/${lea}/exception-requests?limit=1&offset=1`)),
    ).toEqual({ items: [], total: 1 })
    const mail = await mailOf(w, lea)
    expect(mail).toHaveLength(1)
    expect(mail[0]).toMatchObject({
      kind: 'exception-request-received',
      recipient: 'lea.martin@example.fr',
      dedupe_key: `exception-request-received:${filed.id}`,
    })
    expect(mail[0]!.body_text).toContain(filed.id)
    expect(mail[0]!.body_text).toContain('PRM-2026-004417')
    // Filed by support's integration: the candidate is told who, by the token's name, on their clock.
    expect(mail[0]!.body_text).toMatch(
      /This request was filed for you by “api test support” \(support\) through an integration on .+\(Europe\/Paris, UTC\+02:00\)\./,
    )
    const missing = expectProblem(
      await call(w, 'GET', '/v1/exception-requests/ZZZZ-ZZZZ-ZZZZ'),
      404,
      'EXCEPTION_REQUEST_NOT_FOUND',
    )
    expect(missing.exceptionRequestId).toBe('ZZZZ-ZZZZ-ZZZZ')
  })

  it('lets support file on the candidate’s behalf by phone, and tells the candidate', async () => {
    const w = get()
    const { lea, registrationId } = await sittingThatWentWrong(w)
    const filed = await fileRequest(
      w,
      {
        ...requestBody(lea, registrationId),
        channel: 'phone',
        onBehalfReason: 'The candidate called: the lab crashed mid-exam',
      },
      'support',
    )
    expect(filed.requestedBy).toMatchObject({
      role: 'support',
      onBehalf: true,
      displayName: null,
      tokenLabel: 'api test support',
      reason: 'The candidate called: the lab crashed mid-exam',
    })
    const [mail] = await mailOf(w, lea)
    expect(mail!.body_text).toMatch(
      /filed for you by “api test support” \(support\) by phone on .+: The candidate called: the lab crashed mid-exam\./,
    )

    const { history } = expectOk<{
      history: { action: string; actor: { displayName: string | null }; summary: string | null }[]
    }>(await call(w, 'GET', `/v1/exception-requests/${filed.id}`, undefined, 'support'))
    expect(history).toHaveLength(1)
    expect(history[0]!.summary).toMatch(
      /^Filed for you by “api test support” \(support\) by phone on .+ \(Europe\/Paris, UTC\+02:00\): The candidate called: the lab crashed mid-exam\.$/,
    )

    const refused = await call(
      w,
      'POST',
      '/v1/exception-requests',
      { ...requestBody(lea, registrationId), channel: 'phone' },
      'support',
    )
    expectProblem(refused, 400, 'ON_BEHALF_REASON_REQUIRED', 'onBehalfReason')
  })

  it('names each missing field, and every one of them at once', async () => {
    const w = get()
    const { lea, registrationId } = await sittingThatWentWrong(w)
    const complete = requestBody(lea, registrationId)
    for (const field of EXCEPTION_REQUEST_FIELDS) {
      for (const blank of [undefined, '  ']) {
        const { problem, errors } = refusal(
          await call(w, 'POST', '/v1/exception-requests', { ...complete, [field]: blank }),
        )
        expect(errors.map((e) => [e.field, e.code])).toEqual([[field, 'missing']])
        expect(problem.field).toBe(field)
      }
    }
    const { errors } = refusal(await call(w, 'POST', '/v1/exception-requests', {}))
    expect(errors.map((e) => e.field)).toEqual([...EXCEPTION_REQUEST_FIELDS])
    expect(errors.every((e) => e.code === 'missing' && e.detail.length > 0)).toBe(true)
    expect(await mailOf(w, lea)).toEqual([])
  })

  it("refuses an email or names that are not the candidate's", async () => {
    const w = get()
    const { lea, registrationId } = await sittingThatWentWrong(w)
    const body = requestBody(lea, registrationId)
    const wrongEmail = refusal(
      await call(w, 'POST', '/v1/exception-requests', { ...body, email: 'lea@example.org' }),
    )
    expect(wrongEmail.errors).toEqual([
      { field: 'email', code: 'mismatch', detail: expect.stringContaining(lea) },
    ])
    const wrongNames = refusal(
      await call(w, 'POST', '/v1/exception-requests', {
        ...body,
        firstName: 'Chloé',
        lastName: 'Dubois',
      }),
    )
    expect(wrongNames.errors.map((e) => [e.field, e.code])).toEqual([
      ['firstName', 'mismatch'],
      ['lastName', 'mismatch'],
    ])
    // Case, accents and spacing are not held against anyone.
    await fileRequest(w, { ...body, firstName: 'LEA', lastName: ' martin ' })
  })

  it('refuses an email list and names with hidden characters; keeps the address on file and names in NFC', async () => {
    const w = get()
    const { lea, registrationId } = await sittingThatWentWrong(w)
    const body = requestBody(lea, registrationId)
    const hidden = refusal(
      await call(w, 'POST', '/v1/exception-requests', {
        ...body,
        firstName: 'L\u202Eéa',
        lastName: 'Mar\u200Btin',
        email: 'x,lea.martin@example.fr',
      }),
    )
    expect(hidden.errors.map((e) => [e.field, e.code])).toEqual([
      ['firstName', 'malformed'],
      ['lastName', 'malformed'],
      ['email', 'malformed'],
    ])
    expect(hidden.errors[0]!.detail).toContain('U+202E')
    const filed = await fileRequest(w, {
      ...body,
      firstName: 'Le\u0301a',
      email: ' LEA.MARTIN@Example.FR ',
    })
    const stored = await w.db
      .selectFrom('exception_requests')
      .select(['first_name', 'email'])
      .where('id', '=', filed.id)
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({ first_name: 'L\u00e9a', email: 'lea.martin@example.fr' })
    const [mail] = await mailOf(w, lea)
    expect(mail!.recipient).toBe(stored.email)
  })

  it("refuses an unknown registration, another candidate's, one for another exam, and one not yet sat", async () => {
    const w = get()
    const { lea, registrationId, centre } = await sittingThatWentWrong(w)
    const body = requestBody(lea, registrationId)
    const unknown = refusal(
      await call(w, 'POST', '/v1/exception-requests', { ...body, registrationId: 'NOPE' }),
    )
    expect(unknown.errors.map((e) => [e.field, e.code])).toEqual([['registrationId', 'unknown']])

    const ben = await registerCandidate(w, { firstName: 'Ben', email: 'ben@example.com' })
    const later = await createSlot(w.db, centre, instant('2026-07-20T21:00:00Z'))
    const bens = expectOk<RegistrationOut>(
      await book(w, { candidateId: ben, slotId: later }, 'ben'),
      201,
    )
    const others = refusal(
      await call(w, 'POST', '/v1/exception-requests', { ...body, registrationId: bens.id }),
    )
    expect(others.errors).toContainEqual({
      field: 'registrationId',
      code: 'other-candidate',
      detail: `Registration ${bens.id} belongs to another candidate.`,
    })

    await call(w, 'POST', '/v1/exams', { number: '70-680', title: 'Windows 7, Configuring' })
    await deliver(w.db, 'prometric', ['070-680'])
    const seventh = expectOk<RegistrationOut>(
      await book(w, { candidateId: lea, slotId: later, exam: '70-680' }, 'lea-680'),
      201,
    )
    const otherExam = refusal(
      await call(w, 'POST', '/v1/exception-requests', { ...body, registrationId: seventh.id }),
    )
    expect(otherExam.errors.map((e) => [e.field, e.code])).toEqual([
      ['registrationId', 'other-exam'],
      ['registrationId', 'not-sat'],
    ])
    const notSat = refusal(
      await call(w, 'POST', '/v1/exception-requests', {
        ...body,
        registrationId: seventh.id,
        exam: '070-680',
      }),
    )
    expect(notSat.errors.map((e) => [e.field, e.code])).toEqual([['registrationId', 'not-sat']])
  })

  it('refuses a reason the policy does not accept with the policy, and lists the rest too', async () => {
    const w = get()
    const { lea, registrationId } = await sittingThatWentWrong(w)
    const { problem, errors } = refusal(
      await call(w, 'POST', '/v1/exception-requests', {
        ...requestBody(lea, registrationId),
        reason: 'unprepared',
        providerCaseNumber: 'case with spaces',
      }),
      'EXCEPTION_REASON_NOT_ACCEPTED',
    )
    expect(problem.detail).toBe(EXCEPTION_POLICY)
    expect(problem.field).toBe('reason')
    expect(problem.detail).toMatch(/^Retake exceptions are granted only when a technical problem/)
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['providerCaseNumber', 'malformed'],
      ['reason', 'not-accepted'],
    ])
    for (const reason of ['lab-crash', 'connectivity', 'equipment-failure']) {
      const response = await call(w, 'POST', '/v1/exception-requests', {
        ...requestBody(lea, registrationId),
        reason,
        description: 'short',
      })
      expect(refusal(response).errors.map((e) => e.field)).toEqual(['description'])
    }
  })

  it('lists several problems at once in one refusal', async () => {
    const w = get()
    const { lea, registrationId } = await sittingThatWentWrong(w)
    const { problem, errors } = refusal(
      await call(w, 'POST', '/v1/exception-requests', {
        firstName: 'Ana',
        candidateId: lea,
        email: 'not-an-address',
        registrationId,
        exam: '7O-620',
        description: 'Crashed.',
        providerCaseNumber: 'X'.repeat(41),
        reason: 'connectivity',
      }),
    )
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['firstName', 'mismatch'],
      ['lastName', 'missing'],
      ['email', 'malformed'],
      ['exam', 'malformed'],
      ['description', 'too-short'],
      ['providerCaseNumber', 'malformed'],
    ])
    expect(problem.field).toBe('firstName')
    expect(problem.detail).toContain('6 problem(s)')
  })

  it('approves: a waiver lets the candidate book inside the wait, and the booking holds it', async () => {
    const w = get()
    const { lea, registrationId, centre } = await sittingThatWentWrong(w)
    const insideWait = await createSlot(w.db, centre, instant('2026-06-20T21:00:00Z'))
    expectProblem(
      await book(w, { candidateId: lea, slotId: insideWait }, 'too-soon'),
      409,
      'RETAKE_TOO_SOON',
    )

    const filed = await fileRequest(w, requestBody(lea, registrationId))
    expectProblem(
      await call(
        w,
        'POST',
        `/v1/exception-requests/${filed.id}/approve`,
        { note: 'Lab crash confirmed by Prometric.', waivesWait: true, waivesLimit: false },
        'provider',
      ),
      403,
      'FORBIDDEN',
    )
    expectProblem(
      await call(
        w,
        'POST',
        `/v1/exception-requests/${filed.id}/approve`,
        { note: 'Nothing to waive?', waivesWait: false, waivesLimit: false },
        'support',
      ),
      422,
      'EXCEPTION_WAIVES_NOTHING',
    )
    const approved = expectOk<RequestOut>(
      await call(
        w,
        'POST',
        `/v1/exception-requests/${filed.id}/approve`,
        { note: 'Lab crash confirmed by Prometric.', waivesWait: true, waivesLimit: false },
        'support',
      ),
    )
    expect(approved).toMatchObject({
      status: 'approved',
      review: { decision: 'approved', waivesWait: true, waivesLimit: false },
      waiver: { state: 'available', heldByRegistrationId: null },
    })
    const waiverId = approved.waiver!.id
    expect(await listOpenWaivers(w.db, lea, EXAM)).toEqual([
      expect.objectContaining({ id: waiverId, waivesWait: true, waivesLimit: false }),
    ])

    const booked = expectOk<RegistrationOut>(
      await book(w, { candidateId: lea, slotId: insideWait }, 'with-waiver'),
      201,
    )
    expect(booked.waiverId).toBe(waiverId)
    const read = expectOk<{ request: RequestOut; history: { action: string }[] }>(
      await call(w, 'GET', `/v1/exception-requests/${filed.id}`),
    )
    expect(read.request.waiver).toMatchObject({ state: 'held', heldByRegistrationId: booked.id })
    expect(read.history.map((entry) => entry.action)).toEqual(['requested', 'approved'])

    const mail = await mailOf(w, lea)
    expect(mail.map((m) => m.kind)).toEqual([
      'exception-request-received',
      'exception-request-approved',
    ])
    expect(mail[1]!.body_text).toContain('the waiting time after a failed attempt')
    expect(mail[1]!.body_text).toContain('Lab crash confirmed by Prometric.')
  })

  it('denies: no waiver, the wait stands, the note is mailed, and a new request may follow', async () => {
    const w = get()
    const { lea, registrationId, centre } = await sittingThatWentWrong(w)
    const filed = await fileRequest(w, requestBody(lea, registrationId))
    const denied = expectOk<RequestOut>(
      await call(
        w,
        'POST',
        `/v1/exception-requests/${filed.id}/deny`,
        { note: 'Prometric reports the session ran normally.' },
        'admin',
      ),
    )
    expect(denied).toMatchObject({
      status: 'denied',
      review: { decision: 'denied', waivesWait: false, waivesLimit: false },
      waiver: null,
    })
    expect(await waiverCount(w, lea)).toBe(0)
    const insideWait = await createSlot(w.db, centre, instant('2026-06-20T21:00:00Z'))
    expectProblem(
      await book(w, { candidateId: lea, slotId: insideWait }, 'still-too-soon'),
      409,
      'RETAKE_TOO_SOON',
    )
    const mail = await mailOf(w, lea)
    expect(mail.map((m) => m.kind)).toEqual([
      'exception-request-received',
      'exception-request-denied',
    ])
    expect(mail[1]!.body_text).toContain('Prometric reports the session ran normally.')
    expectProblem(
      await call(w, 'POST', `/v1/exception-requests/${filed.id}/deny`, { note: '   ' }, 'admin'),
      400,
      'VALIDATION_FAILED',
      'note',
    )
    // After a denial the candidate may ask again, with what was missing.
    await fileRequest(w, { ...requestBody(lea, registrationId), providerCaseNumber: 'PRM-2' })
  })

  it('reviews a request once', async () => {
    const w = get()
    const { lea, registrationId } = await sittingThatWentWrong(w)
    const filed = await fileRequest(w, requestBody(lea, registrationId))
    const approve = { note: 'Confirmed.', waivesWait: true, waivesLimit: true }
    expectOk(await call(w, 'POST', `/v1/exception-requests/${filed.id}/approve`, approve))
    const again = expectProblem(
      await call(w, 'POST', `/v1/exception-requests/${filed.id}/approve`, approve),
      409,
      'EXCEPTION_REQUEST_ALREADY_REVIEWED',
    )
    expect(again.status).toBe(409)
    // The request reviewed and the HTTP request refused are named apart.
    expect(again).toMatchObject({
      exceptionRequestId: filed.id,
      exceptionRequestStatus: 'approved',
      requestId: expect.any(String),
    })
    expect(again.requestId).not.toBe(filed.id)
    expectProblem(
      await call(w, 'POST', `/v1/exception-requests/${filed.id}/deny`, { note: 'No.' }),
      409,
      'EXCEPTION_REQUEST_ALREADY_REVIEWED',
    )
    expect(await waiverCount(w, lea)).toBe(1)
    // An exception granted for a sitting is not asked for twice; the refusal names the one there is.
    const exists = expectProblem(
      await call(w, 'POST', '/v1/exception-requests', requestBody(lea, registrationId)),
      409,
      'EXCEPTION_REQUEST_EXISTS',
      'registrationId',
    )
    expect(exists).toMatchObject({
      registrationId,
      exceptionRequestId: filed.id,
      exceptionRequestStatus: 'approved',
    })
    expect(exists.requestId).not.toBe(filed.id)
  })

  it('keeps one standing request per registration, even when two are filed at once', async () => {
    const w = get()
    const { lea, registrationId } = await sittingThatWentWrong(w)
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        call(w, 'POST', '/v1/exception-requests', {
          ...requestBody(lea, registrationId),
          providerCaseNumber: `PRM-${i}`,
        }),
      ),
    )
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1)
    for (const refused of answers.filter((a) => a.statusCode !== 201))
      expectProblem(refused, 409, 'EXCEPTION_REQUEST_EXISTS')
  })

  it('answers a retried request with the same Idempotency-Key as the first time', async () => {
    const w = get()
    const { lea, registrationId } = await sittingThatWentWrong(w)
    const send = () =>
      call(w, 'POST', '/v1/exception-requests', requestBody(lea, registrationId), 'support', {
        'idempotency-key': 'form-submit-1',
      })
    const first = expectOk<RequestOut>(await send(), 201)
    const retry = await send()
    expect(retry.statusCode).toBe(201)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.json<RequestOut>().id).toBe(first.id)
    expect(await mailOf(w, lea)).toHaveLength(1)
  })

  it('lets one of two concurrent approvals through: exactly one waiver', async () => {
    const w = get()
    const { lea, registrationId } = await sittingThatWentWrong(w)
    const filed = await fileRequest(w, requestBody(lea, registrationId))
    const answers = await Promise.all(
      ['support', 'admin'].map((role) =>
        call(
          w,
          'POST',
          `/v1/exception-requests/${filed.id}/approve`,
          { note: `Approved by ${role}.`, waivesWait: true, waivesLimit: false },
          role as 'support' | 'admin',
        ),
      ),
    )
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409])
    expectProblem(
      answers.find((a) => a.statusCode === 409)!,
      409,
      'EXCEPTION_REQUEST_ALREADY_REVIEWED',
    )
    expect(await waiverCount(w, lea)).toBe(1)
    const mail = await mailOf(w, lea)
    expect(mail.filter((m) => m.kind === 'exception-request-approved')).toHaveLength(1)
  })

  it('has the waiver held by exactly one of ten concurrent bookings, and free again once it is cancelled', async () => {
    const w = get()
    const { lea, registrationId, centre } = await sittingThatWentWrong(w)
    const filed = await fileRequest(w, requestBody(lea, registrationId))
    const approved = expectOk<RequestOut>(
      await call(w, 'POST', `/v1/exception-requests/${filed.id}/approve`, {
        note: 'Lab crash confirmed.',
        waivesWait: true,
        waivesLimit: false,
      }),
    )
    const waiverId = approved.waiver!.id
    // Every slot is inside the 14-day wait: only the waiver makes any of them bookable.
    const slots = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        createSlot(w.db, centre, instant('2026-06-20T21:00:00Z') + i * 3_600_000),
      ),
    )
    const answers = await Promise.all(
      slots.map((slot, i) => book(w, { candidateId: lea, slotId: slot }, `race-${i}`)),
    )
    const booked = answers.filter((a) => a.statusCode === 201)
    expect(booked).toHaveLength(1)
    for (const refused of answers.filter((a) => a.statusCode !== 201)) {
      expect(['ALREADY_REGISTERED', 'RETAKE_TOO_SOON']).toContain(refused.json().code)
    }
    const winner = booked[0]!.json<RegistrationOut>()
    expect(winner.waiverId).toBe(waiverId)
    const holders = await w.db
      .selectFrom('waivers')
      .select(['id', 'held_by_registration_id'])
      .where('candidate_id', '=', lea)
      .execute()
    expect(holders).toEqual([{ id: waiverId, held_by_registration_id: winner.id }])
    expect(await listOpenWaivers(w.db, lea, EXAM)).toEqual([])

    expectOk(await call(w, 'POST', `/v1/registrations/${winner.id}/cancel`, {}, 'provider'))
    const freed = expectOk<{ request: RequestOut }>(
      await call(w, 'GET', `/v1/exception-requests/${filed.id}`),
    )
    expect(freed.request.waiver).toMatchObject({ state: 'available', heldByRegistrationId: null })

    const again = await Promise.all(
      slots.slice(0, 3).map((slot, i) => book(w, { candidateId: lea, slotId: slot }, `again-${i}`)),
    )
    const rebooked = again.filter((a) => a.statusCode === 201)
    expect(rebooked).toHaveLength(1)
    expect(rebooked[0]!.json<RegistrationOut>().waiverId).toBe(waiverId)
  })
})
