import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { describe, expect, it } from 'vitest'
import { SECURE_SESSION_COOKIE } from '../../src/http/session-cookie.js'
import { createSlot } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  call,
  expectOk,
  expectProblem,
  instant,
  reportResult,
  useApi,
} from './api-harness.js'
import { type Browser, signIn } from './sign-in-world.js'
import { ENROLMENT_DAY, world } from './voucher-world.js'

interface Registration {
  id: string
  status: string
  paymentStatus: string
  slotId: string
  bookedBy: { role: string; onBehalf: boolean; displayName?: string | null }
}

const IRIS = {
  firstName: 'Iris',
  lastName: 'Okonkwo',
  email: 'iris.okonkwo@example.org',
  country: 'NG',
  timeZone: 'Africa/Lagos',
}

/** A request as the signed-in candidate's browser makes it: the cookie, the CSRF token, a key for a change. */
function asIris(
  w: ApiWorld,
  browser: Browser,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  body?: unknown,
  key?: string,
): Promise<LightMyRequestResponse> {
  return w.app.inject({
    method,
    url,
    cookies: { [SECURE_SESSION_COOKIE.name]: browser.cookie },
    headers: {
      'x-csrf-token': browser.csrfToken,
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
  })
}

describe.each(testDatabases())('a candidate on their own, signed in, on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it('makes an account, books, pays, is told when a retake is allowed and why, reschedules, cancels and asks for an exception', async () => {
    const { w, centre } = await world(get)
    // Making the account and signing in: the first sign-in verifies the email and makes the record.
    expect(
      (await w.app.inject({ method: 'POST', url: '/v1/accounts', payload: IRIS })).statusCode,
    ).toBe(202)
    let iris = await signIn(w, IRIS.email)
    const me = expectOk<{ account: { role: string; candidateId: string } }>(
      await asIris(w, iris, 'GET', '/v1/me'),
    )
    expect(me.account.role).toBe('candidate')
    const candidateId = me.account.candidateId
    expect(
      expectOk<{ firstName: string; timeZone: string }>(
        await asIris(w, iris, 'GET', `/v1/candidates/${candidateId}`),
      ),
    ).toMatchObject({ firstName: 'Iris', timeZone: 'Africa/Lagos' })

    // Booking and paying, on the web, as themself.
    const first = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    const booked = expectOk<Registration>(
      await asIris(
        w,
        iris,
        'POST',
        '/v1/registrations',
        { candidateId, exam: '70-620', slotId: first, channel: 'web' },
        'iris-1',
      ),
      201,
    )
    expect(booked).toMatchObject({ status: 'booked', paymentStatus: 'due' })
    expect(booked.bookedBy).toMatchObject({ role: 'candidate', onBehalf: false })
    const paid = expectOk<Registration>(
      await asIris(w, iris, 'POST', `/v1/registrations/${booked.id}/payment`, {
        method: 'card',
        currency: 'USD',
        cents: 16_500,
        channel: 'web',
      }),
    )
    expect(paid.paymentStatus).toBe('paid')

    // Failed: when may they retake, and why, in their own zone.
    w.clock.set(instant('2026-10-01T12:00:00Z'))
    expectOk(await reportResult(w, booked.id, 'fail'))
    // Three weeks on, the session has long ended (30 minutes idle): they sign in again.
    expectProblem(await asIris(w, iris, 'GET', '/v1/me'), 401, 'UNAUTHENTICATED')
    iris = await signIn(w, IRIS.email)
    const eligibility = expectOk<{
      eligible: boolean
      code: string
      reason: string
      timeZone: string
    }>(await asIris(w, iris, 'GET', `/v1/candidates/${candidateId}/eligibility?exam=70-620`))
    expect(eligibility).toMatchObject({
      eligible: false,
      code: 'RETAKE_TOO_SOON',
      timeZone: 'Africa/Lagos',
    })
    expect(eligibility.reason).toContain('Africa/Lagos')
    const attempts = expectOk<{ items: { outcome: string }[] }>(
      await asIris(w, iris, 'GET', `/v1/candidates/${candidateId}/attempts`),
    )
    expect(attempts.items.map((attempt) => attempt.outcome)).toEqual(['fail'])

    // A retake a week later, moved once, then cancelled within the provider's window.
    const retake = await createSlot(w.db, centre, instant('2026-10-08T09:00:00Z'))
    const later = await createSlot(w.db, centre, instant('2026-10-09T09:00:00Z'))
    const again = expectOk<Registration>(
      await asIris(
        w,
        iris,
        'POST',
        '/v1/registrations',
        { candidateId, exam: '70-620', slotId: retake, channel: 'web' },
        'iris-2',
      ),
      201,
    )
    const moved = expectOk<Registration>(
      await asIris(w, iris, 'POST', `/v1/registrations/${again.id}/reschedule`, {
        slotId: later,
        channel: 'web',
      }),
    )
    expect(moved.slotId).toBe(later)
    const cancelled = expectOk<Registration>(
      await asIris(w, iris, 'POST', `/v1/registrations/${again.id}/cancel`, { channel: 'web' }),
    )
    expect(cancelled.status).toBe('cancelled')
    const mine = expectOk<{ items: Registration[]; total: number }>(
      await asIris(w, iris, 'GET', `/v1/candidates/${candidateId}/registrations`),
    )
    expect(mine.total).toBe(2)

    // An exception asked for themself: it is theirs to read, and support's to review.
    const asked = await asIris(
      w,
      iris,
      'POST',
      '/v1/exception-requests',
      {
        candidateId,
        registrationId: booked.id,
        exam: '70-620',
        firstName: 'Iris',
        lastName: 'Okonkwo',
        email: IRIS.email,
        description: 'The workstation froze forty minutes in and never came back.',
        providerCaseNumber: 'PRM-88',
        reason: 'lab-crash',
        channel: 'web',
      },
      'iris-3',
    )
    const request = expectOk<{ id: string; status: string }>(asked, 201)
    expect(request.status).toBe('open')
    expectOk(await asIris(w, iris, 'GET', `/v1/exception-requests/${request.id}`))

    // Someone else's record answers as a missing one; staff tools are not theirs.
    const other = expectOk<{ id: string }>(
      await call(w, 'POST', '/v1/candidates', { ...IRIS, email: 'someone.else@example.org' }),
      201,
    )
    expectProblem(
      await asIris(w, iris, 'GET', `/v1/candidates/${other.id}`),
      404,
      'CANDIDATE_NOT_FOUND',
    )
    expectProblem(await asIris(w, iris, 'GET', '/v1/admin/mail'), 403, 'FORBIDDEN')

    // Without the CSRF token the cookie changes nothing.
    const forged = await w.app.inject({
      method: 'POST',
      url: `/v1/registrations/${booked.id}/cancel`,
      cookies: { [SECURE_SESSION_COOKIE.name]: iris.cookie },
      payload: {},
    })
    expectProblem(forged, 403, 'CSRF_TOKEN_INVALID')
  })
})

describe.each(testDatabases())(
  'a candidate enrolling themself in an offer, on $name',
  ({ open }) => {
    const get = useApi(open, { demo: false })

    it('gets a Second Shot code of their own, one at a time, and books with it', async () => {
      const { w, centre } = await world(get)
      expect(
        (await w.app.inject({ method: 'POST', url: '/v1/accounts', payload: IRIS })).statusCode,
      ).toBe(202)
      const iris = await signIn(w, IRIS.email)
      const { account } = expectOk<{ account: { candidateId: string } }>(
        await asIris(w, iris, 'GET', '/v1/me'),
      )
      const enrol = (key: string, candidateId = account.candidateId) =>
        asIris(
          w,
          iris,
          'POST',
          '/v1/offers/second-shot/enrolments',
          { candidateId, channel: 'web' },
          key,
        )

      // The exam says which offers it can be enrolled in now, with their terms.
      const open = expectOk<{ items: { offerId: string; enrolment: { closesAt: string } }[] }>(
        await asIris(w, iris, 'GET', '/v1/exams/070-620/offers'),
      )
      expect(open.items.map((offer) => offer.offerId)).toContain('second-shot')
      // Enrolment closes: the offer is no longer offered.
      const closesAt = open.items.find((offer) => offer.offerId === 'second-shot')!.enrolment
        .closesAt
      w.clock.set(instant(closesAt))
      const closed = expectOk<{ items: { offerId: string }[] }>(
        await call(w, 'GET', '/v1/exams/70-620/offers'),
      )
      expect(closed.items.map((offer) => offer.offerId)).not.toContain('second-shot')
      w.clock.set(ENROLMENT_DAY)

      const enrolled = expectOk<{ code: string; candidateId: string }>(await enrol('enrol-1'), 201)
      expect(enrolled.candidateId).toBe(account.candidateId)
      expect(enrolled.code).not.toContain('•')
      // A double click is the same enrolment; a second one while the code is unused is refused.
      expect(expectOk<{ code: string }>(await enrol('enrol-1'), 201).code).toBe(enrolled.code)
      expectProblem(await enrol('enrol-2'), 409, 'OFFER_ALREADY_ENROLLED')
      // Nobody else's record: enrolling another candidate answers as if they did not exist.
      const other = expectOk<{ id: string }>(
        await call(w, 'POST', '/v1/candidates', { ...IRIS, email: 'someone.else@example.org' }),
        201,
      )
      expectProblem(await enrol('enrol-3', other.id), 404, 'CANDIDATE_NOT_FOUND')

      const slotId = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
      const booked = expectOk<Registration>(
        await asIris(
          w,
          iris,
          'POST',
          '/v1/registrations',
          {
            candidateId: account.candidateId,
            exam: '70-620',
            slotId,
            channel: 'web',
            voucherCode: enrolled.code,
          },
          'book-1',
        ),
        201,
      )
      expect(booked.status).toBe('booked')
      // The code is now used: enrolling again gives a new one.
      expectOk(await enrol('enrol-4'), 201)
    })
  },
)
