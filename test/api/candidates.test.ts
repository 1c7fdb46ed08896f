import { describe, expect, it } from 'vitest'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, expectProblem, LEA, NOW_TEXT, useApi } from './api-harness.js'

interface CandidateOut {
  readonly id: string
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  readonly country: string
  readonly timeZone: string
  readonly createdAt: string
}

describe.each(testDatabases())('candidates over HTTP ($name)', ({ open }) => {
  // Tests make their own candidates and exam numbers: one world for the suite.
  const world = useApi(open, { per: 'suite' })

  it('registers a candidate (support may) and finds them by the id it gave', async () => {
    const response = await call(world(), 'POST', '/v1/candidates', LEA, 'support')
    const created = expectOk<CandidateOut>(response, 201)
    expect(created).toEqual({
      id: expect.any(String),
      ...LEA,
      createdAt: new Date(NOW_TEXT).toISOString(),
    })
    expect(response.headers.location).toBe(`/v1/candidates/${created.id}`)
    const fetched = expectOk<CandidateOut>(
      await call(world(), 'GET', `/v1/candidates/${created.id}`, undefined, 'support'),
    )
    expect(fetched).toEqual(created)
    // A provider has no business with a candidate's record (email included).
    expectProblem(
      await call(world(), 'GET', `/v1/candidates/${created.id}`, undefined, 'provider'),
      403,
      'FORBIDDEN',
    )
  })

  it('stores country and zone in their canonical spelling, and the email domain lower-cased', async () => {
    const created = expectOk<CandidateOut>(
      await call(world(), 'POST', '/v1/candidates', {
        ...LEA,
        email: 'Lea.Martin@Example.FR',
        country: ' fr ',
        timeZone: 'europe/paris',
      }),
      201,
    )
    expect(created).toMatchObject({
      email: 'Lea.Martin@example.fr',
      country: 'FR',
      timeZone: 'Europe/Paris',
    })
  })

  it('finds the demo candidates by their ids', async () => {
    const ana = expectOk<CandidateOut>(await call(world(), 'GET', '/v1/candidates/cand-ana'))
    expect(ana).toMatchObject({ firstName: 'Ana', country: 'NZ', timeZone: 'Pacific/Auckland' })
  })

  it('changes a name and zone as support on the phone, audited with what was before; the email stays', async () => {
    const created = expectOk<CandidateOut>(await call(world(), 'POST', '/v1/candidates', LEA), 201)
    const patch = (body: unknown, role: 'admin' | 'support' | 'provider' = 'support') =>
      call(world(), 'PATCH', `/v1/candidates/${created.id}`, body, role)
    const changed = expectOk<CandidateOut>(
      await patch({
        lastName: 'Martin-Dubois',
        timeZone: 'america/vancouver',
        channel: 'phone',
        onBehalfReason: 'Married in May; moved to Vancouver',
      }),
    )
    expect(changed).toEqual({
      ...created,
      lastName: 'Martin-Dubois',
      timeZone: 'America/Vancouver',
    })
    expect(
      expectOk<CandidateOut>(await call(world(), 'GET', `/v1/candidates/${created.id}`)),
    ).toEqual(changed)
    // The same again changes nothing and writes nothing.
    expectOk(await patch({ lastName: 'Martin-Dubois' }))
    const trail = await world()
      .db.selectFrom('audit_log')
      .select(['action', 'actor_role', 'channel', 'reason', 'detail'])
      .where('subject_id', '=', created.id)
      .execute()
    expect(trail).toHaveLength(1)
    expect(trail[0]).toMatchObject({
      action: 'profile-changed',
      actor_role: 'support',
      channel: 'phone',
    })
    expect(JSON.parse(String(trail[0]?.detail))).toEqual({
      lastName: { from: LEA.lastName, to: 'Martin-Dubois' },
      timeZone: { from: LEA.timeZone, to: 'America/Vancouver' },
    })

    expectProblem(await patch({ email: 'new@example.com' }), 400, 'VALIDATION_FAILED')
    expectProblem(await patch({ timeZone: 'Mars/Olympus' }), 400, 'TIME_ZONE_INVALID')
    expectProblem(await patch({ firstName: 'Le\u202Ea' }), 400, 'VALIDATION_FAILED')
    expectProblem(await patch({ firstName: 'Léa' }, 'provider'), 403, 'FORBIDDEN')
    expectProblem(
      await call(world(), 'PATCH', '/v1/candidates/nobody', { firstName: 'X' }, 'admin'),
      404,
      'CANDIDATE_NOT_FOUND',
    )
  })

  it('answers 404 CANDIDATE_NOT_FOUND for an unknown id', async () => {
    const problem = expectProblem(
      await call(world(), 'GET', '/v1/candidates/cand-nobody'),
      404,
      'CANDIDATE_NOT_FOUND',
      'id',
    )
    expect(problem.detail).toContain('cand-nobody')
  })

  it.each([
    ['a bad time zone', { timeZone: 'Mars/Olympus_Mons' }, 'TIME_ZONE_INVALID', 'timeZone'],
    ['a fixed offset instead of a zone', { timeZone: '+02:00' }, 'TIME_ZONE_INVALID', 'timeZone'],
    ['a bad country', { country: 'XX' }, 'COUNTRY_INVALID', 'country'],
    ['a country name instead of a code', { country: 'France' }, 'COUNTRY_INVALID', 'country'],
    ['a bad email', { email: 'lea at example.fr' }, 'EMAIL_INVALID', 'email'],
    ['an email that is a list', { email: 'x,spy@evil.example' }, 'EMAIL_INVALID', 'email'],
    ['an email with a display name', { email: 'Léa <lea@example.fr>' }, 'EMAIL_INVALID', 'email'],
    [
      'an email with a second line',
      { email: 'lea@example.fr\nBcc: spy@evil.example' },
      'EMAIL_INVALID',
      'email',
    ],
    [
      'a bidirectional override in a name',
      { lastName: 'Martin\u202Egnp.exe' },
      'VALIDATION_FAILED',
      'lastName',
    ],
    [
      'a bidirectional isolate in a name',
      { firstName: '\u2067Léa' },
      'VALIDATION_FAILED',
      'firstName',
    ],
    ['a zero-width space in a name', { firstName: 'L\u200Béa' }, 'VALIDATION_FAILED', 'firstName'],
    ['a byte order mark in a name', { firstName: '\uFEFFLéa' }, 'VALIDATION_FAILED', 'firstName'],
    [
      'a control character in a name',
      { lastName: 'Mar\u0007tin' },
      'VALIDATION_FAILED',
      'lastName',
    ],
    ['a line break in a name', { lastName: 'Martin\r\nX' }, 'VALIDATION_FAILED', 'lastName'],
    ['a blank first name', { firstName: '  ' }, 'VALIDATION_FAILED', 'firstName'],
    ['an empty last name', { lastName: '' }, 'VALIDATION_FAILED', 'lastName'],
    ['a number for a name', { lastName: 42 }, 'VALIDATION_FAILED', 'lastName'],
    ['an unknown field', { middleName: 'Anne' }, 'VALIDATION_FAILED', 'middleName'],
  ] as const)(
    'refuses %s with a clear problem naming the field',
    async (_, change, code, field) => {
      const problem = expectProblem(
        await call(world(), 'POST', '/v1/candidates', { ...LEA, ...change }),
        400,
        code,
        field,
      )
      expect(problem.detail).not.toBe('')
    },
  )

  it('refuses a body without a required field, naming it', async () => {
    const { timeZone: _, ...withoutZone } = LEA
    expectProblem(
      await call(world(), 'POST', '/v1/candidates', withoutZone),
      400,
      'VALIDATION_FAILED',
      'timeZone',
    )
  })

  // PostgreSQL cannot store U+0000 in text, and no driver can store a lone
  // surrogate as it was sent; both must be a 400 naming the field, on every engine.
  it('refuses text a database cannot store as sent: a NUL character, a lone surrogate', async () => {
    expectProblem(
      await call(world(), 'POST', '/v1/candidates', { ...LEA, firstName: 'L\u0000a' }),
      400,
      'VALIDATION_FAILED',
      'firstName',
    )
    expectProblem(
      await call(world(), 'POST', '/v1/candidates', { ...LEA, lastName: 'Mar\ud800tin' }),
      400,
      'VALIDATION_FAILED',
      'lastName',
    )
    expectProblem(
      await call(world(), 'GET', '/v1/candidates/cand%00ana'),
      400,
      'VALIDATION_FAILED',
      'id',
    )
  })

  it('refuses a name that is not UTF-8 instead of storing U+FFFD in its place', async () => {
    const [before, after] = JSON.stringify({ ...LEA, lastName: 'Mar@@tin' }).split('@@')
    const body = Buffer.concat([Buffer.from(before!), Buffer.from([0xe9]), Buffer.from(after!)])
    const problem = expectProblem(
      await call(world(), 'POST', '/v1/candidates', body, 'admin', {
        'content-type': 'application/json',
      }),
      400,
      'BODY_ENCODING_INVALID',
      'lastName',
    )
    expect(problem.location).toBe('body')
  })

  it('stores names in Unicode NFC, so one name typed two ways is one name', async () => {
    const created = expectOk<CandidateOut>(
      await call(world(), 'POST', '/v1/candidates', { ...LEA, firstName: 'Le\u0301a' }),
      201,
    )
    expect(created.firstName).toBe('L\u00e9a')
    const fetched = expectOk<CandidateOut>(
      await call(world(), 'GET', `/v1/candidates/${created.id}`),
    )
    expect(fetched.firstName).toBe('L\u00e9a')
  })

  it('keeps the zero-width joiner and non-joiner that Indic and Persian names need', async () => {
    const created = expectOk<CandidateOut>(
      await call(world(), 'POST', '/v1/candidates', {
        ...LEA,
        firstName: '\u0d28\u0d4d\u200d',
        lastName: '\u0645\u06cc\u200c\u0646\u0627',
      }),
      201,
    )
    const fetched = expectOk<CandidateOut>(
      await call(world(), 'GET', `/v1/candidates/${created.id}`),
    )
    expect(fetched).toMatchObject({
      firstName: '\u0d28\u0d4d\u200d',
      lastName: '\u0645\u06cc\u200c\u0646\u0627',
    })
  })

  it('keeps names in any script, emoji included', async () => {
    const created = expectOk<CandidateOut>(
      await call(world(), 'POST', '/v1/candidates', {
        ...LEA,
        firstName: 'Ngā 👩🏽‍💻',
        lastName: 'محمد',
      }),
      201,
    )
    const fetched = expectOk<CandidateOut>(
      await call(world(), 'GET', `/v1/candidates/${created.id}`),
    )
    expect(fetched).toMatchObject({ firstName: 'Ngā 👩🏽‍💻', lastName: 'محمد' })
  })
})
