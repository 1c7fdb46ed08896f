import { describe, expect, it } from 'vitest'
import { sendWave } from '../../src/app/beta/send-wave.js'
import { isOnRoster } from '../../src/db/beta/beta-programmes.js'
import { insertOfferVersion, listOfferVersions } from '../../src/db/vouchers/offers.js'
import { HOUR_MS } from '../../src/domain/instant.js'
import { startOutboxWorker } from '../../src/jobs/outbox-worker.js'
import { createSmtpTransport } from '../../src/mail/smtp-transport.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { TEST_MAIL_SETTINGS } from '../factories/mail.js'
import { testDatabases } from '../support/databases.js'
import { startSmtpSink } from '../support/smtp-sink.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  expectProblem,
  instant,
  NOW,
  registerCandidate,
  useApi,
} from './api-harness.js'
import {
  BETA,
  composeWave,
  createBetaExam,
  newCandidates,
  setBetaProgramme,
  waveAction,
} from './beta-world.js'

const ADMIN = { id: 'test-admin', role: 'admin', channel: 'cli' }

interface Wave {
  id: string
  status: string
  openedAt: string | null
  openFor: number
  mayOpenAt: string | null
  code: string | null
  invited: number
  mailed: number
  delivered: number
  registered: number
  seatsLeft: number
}

async function world(
  get: () => ApiWorld,
  options: { programme?: Record<string, unknown>; slot?: boolean } = {},
) {
  const w = get()
  await createBetaExam(w)
  await setBetaProgramme(w, { acceptsNewCandidates: false, ...options.programme })
  const slot =
    options.slot === false
      ? null
      : await createSlot(w.db, await createCentre(w.db), instant('2026-07-01T09:00:00Z'), 200)
  return { w, slot }
}

const compose = (w: ApiWorld, body: Record<string, unknown>) =>
  composeWave<Wave>(w, 'single-use', body)

const bookWithCodes = (
  w: ApiWorld,
  candidateId: string,
  slotId: string,
  codes: string[],
  key: string,
) => book(w, { candidateId, exam: BETA, slotId, voucherCodes: codes }, key)

/** The code an invitee's mail carries, read from the outbox as the candidate would read it. */
async function codeInMail(w: ApiWorld, waveId: string, candidateId: string): Promise<string> {
  const row = await w.db
    .selectFrom('outbox')
    .select('body_text')
    .where('dedupe_key', '=', `wave-invitation:${waveId}:${candidateId}`)
    .executeTakeFirstOrThrow()
  const match = /Your code:\s+(\S+)/.exec(row.body_text)
  if (!match) throw new Error(`no code in the mail:\n${row.body_text}`)
  return match[1]!
}

describe.each(testDatabases())('invitation waves on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it('opens wave 2 only after 72 h of wave 1 being open, and a 10 h pause moves it 10 h later', async () => {
    const { w } = await world(get)
    const [a, b, c] = await newCandidates(w, 3)
    const first = await compose(w, { name: 'retakes', candidateIds: [a, b] })
    const second = await compose(w, { name: 'broad', candidateIds: [c], codeMode: 'per-wave' })
    const early = expectProblem(await waveAction(w, second.id, 'open'), 409, 'WAVE_TOO_EARLY')
    expect(early.opensAt).toBeNull()

    expect(expectOk<Wave>(await waveAction(w, first.id, 'open')).status).toBe('open')
    w.clock.set(NOW + 71 * HOUR_MS)
    const at71 = expectProblem(await waveAction(w, second.id, 'open'), 409, 'WAVE_TOO_EARLY')
    expect(Date.parse(String(at71.opensAt))).toBe(NOW + 72 * HOUR_MS)
    expect(at71.remainingMs).toBe(HOUR_MS)

    // A 10 h pause (from 71 h to 81 h) moves the opening from 72 h to 82 h.
    expect(expectOk<Wave>(await waveAction(w, first.id, 'pause')).status).toBe('paused')
    w.clock.set(NOW + 81 * HOUR_MS)
    expectProblem(await waveAction(w, second.id, 'open'), 409, 'WAVE_TOO_EARLY')
    expectOk(await waveAction(w, first.id, 'resume'))
    w.clock.set(NOW + 82 * HOUR_MS - 1)
    expectProblem(await waveAction(w, second.id, 'open'), 409, 'WAVE_TOO_EARLY')
    w.clock.set(NOW + 82 * HOUR_MS)
    const opened = expectOk<Wave>(await waveAction(w, second.id, 'open'))
    expect(opened).toMatchObject({ status: 'open', openedAt: '2026-06-18T22:00:00.000Z' })
    const shown = expectOk<Wave>(await call(w, 'GET', `/v1/waves/${first.id}`))
    expect(shown.openFor).toBe(72 * HOUR_MS)
    const listed = expectOk<{ items: Wave[] }>(
      await call(w, 'GET', '/v1/exams/71-620/beta-programme/waves'),
    )
    expect(listed.items.map((wave) => wave.id)).toEqual([first.id, second.id])
  })

  it('keeps a wave closed when its self-check finds no seat, and says why', async () => {
    const { w } = await world(get, { slot: false })
    const [a] = await newCandidates(w, 1)
    const wave = await compose(w, { candidateIds: [a] })
    const problem = expectProblem(
      await waveAction(w, wave.id, 'open'),
      409,
      'WAVE_SELF_CHECK_FAILED',
    )
    expect(problem).toMatchObject({ problemCode: 'SEAT_UNAVAILABLE', candidateId: a })
    expect(problem.detail).toContain('free seat')
    expect(expectOk<Wave>(await call(w, 'GET', `/v1/waves/${wave.id}`)).status).toBe('draft')
  })

  it('keeps a wave closed when its code works at one provider and not at the other', async () => {
    const { w } = await world(get)
    // The invitation offer as it stands now says Prometric only, while Pearson VUE delivers the beta too.
    const [invitation] = (await listOfferVersions(w.db, 'beta-invitation')).slice(-1)
    await insertOfferVersion(
      w.db,
      {
        ...invitation!,
        version: invitation!.version + 1,
        effectiveFrom: NOW,
        providers: ['prometric'],
      },
      NOW,
    )
    await deliver(w.db, 'pearson-vue', [BETA])
    await createSlot(
      w.db,
      await createCentre(w.db, { providerId: 'pearson-vue' }),
      instant('2026-07-02T09:00:00Z'),
      50,
    )
    const [a] = await newCandidates(w, 1)
    const wave = await compose(w, { candidateIds: [a] })
    const problem = expectProblem(
      await waveAction(w, wave.id, 'open'),
      409,
      'WAVE_SELF_CHECK_FAILED',
    )
    expect(problem).toMatchObject({ problemCode: 'PROVIDER_NOT_COVERED' })
    expect(expectOk<Wave>(await call(w, 'GET', `/v1/waves/${wave.id}`)).status).toBe('draft')
  })

  it('keeps a wave closed when the programme is full, with the registration’s own refusal', async () => {
    const { w, slot } = await world(get, { programme: { seatLimit: 1 } })
    const [early, a] = await newCandidates(w, 2)
    expectOk(
      await call(w, 'POST', '/v1/exams/71-620/beta-programme/roster', { candidateIds: [early] }),
    )
    expectOk(await bookWithCodes(w, early!, slot!, [], 'k0'), 201)
    const wave = await compose(w, { candidateIds: [a] })
    const problem = expectProblem(
      await waveAction(w, wave.id, 'open'),
      409,
      'WAVE_SELF_CHECK_FAILED',
    )
    expect(problem).toMatchObject({ problemCode: 'BETA_SEATS_FULL', channel: 'web' })
    expect(String(problem.problemDetail)).toContain('071-620')
    // The trial put nobody on the roster for good.
    expect(await isOnRoster(w.db, '071-620', a!)).toBe(false)
    // Until the wave opens, its invitee waits for it.
    const eligibility = expectOk<{ code: string }>(
      await call(w, 'GET', `/v1/candidates/${a}/eligibility?exam=71-620`),
    )
    expect(eligibility.code).toBe('INVITATION_NOT_OPEN')
  })

  it('refuses to send a draft, then an invitee registers with their code at no charge', async () => {
    const { w, slot } = await world(get)
    const [a, b, chinese] = [
      ...(await newCandidates(w, 2)),
      await registerCandidate(w, {
        email: 'wei@example.cn',
        country: 'CN',
        timeZone: 'Asia/Shanghai',
      }),
    ]
    const wave = await compose(w, { candidateIds: [a, b, chinese] })
    expect(wave.invited).toBe(2)
    const deps = { db: w.db, clock: w.clock, mail: TEST_MAIL_SETTINGS }
    await expect(sendWave(deps, { waveId: wave.id }, ADMIN)).rejects.toMatchObject({
      code: 'WAVE_NOT_OPEN',
    })
    expectOk(await waveAction(w, wave.id, 'open'))
    expect(await sendWave(deps, { waveId: wave.id }, ADMIN)).toMatchObject({
      enqueuedNow: 2,
      alreadyEnqueued: 0,
    })
    const code = await codeInMail(w, wave.id, a!)
    // Priced, so that "no charge" is the code's doing.
    expectOk(
      await call(w, 'PUT', '/v1/exams/71-620/pricing', {
        priceClass: 'regular',
        prices: [{ currency: 'USD', cents: 16_500 }],
      }),
    )
    const registration = expectOk<{ price: { dueCents: number } | null }>(
      await bookWithCodes(w, a!, slot!, [code], 'k1'),
      201,
    )
    expect(registration.price).toMatchObject({ listCents: 16_500, dueCents: 0 })
    // The code is bound to its invitee: to anyone else it does not exist.
    const other = await bookWithCodes(w, b!, slot!, [code], 'k2')
    expect(other.statusCode).toBe(404)
    expect(other.json()).toMatchObject({ code: 'CODE_NOT_FOUND' })
    const shown = expectOk<Wave>(await call(w, 'GET', `/v1/waves/${wave.id}`))
    expect(shown).toMatchObject({ invited: 2, mailed: 2, registered: 1, seatsLeft: 99 })
  })

  it('sends a crashed wave again: every invitee gets exactly one mail', async () => {
    const { w } = await world(get)
    const ids = await newCandidates(w, 7)
    const wave = await compose(w, { candidateIds: ids, codeMode: 'per-wave' })
    expect(wave.code).not.toBeNull()
    expectOk(await waveAction(w, wave.id, 'open'))
    const deps = { db: w.db, clock: w.clock, mail: TEST_MAIL_SETTINGS }
    let chunks = 0
    await expect(
      sendWave(deps, { waveId: wave.id, chunkSize: 2 }, ADMIN, () => {
        if (++chunks > 2) throw new Error('crash after chunk 2')
      }),
    ).rejects.toThrow('crash after chunk 2')
    expect(expectOk<Wave>(await call(w, 'GET', `/v1/waves/${wave.id}`)).mailed).toBe(4)
    expect(await sendWave(deps, { waveId: wave.id, chunkSize: 2 }, ADMIN)).toMatchObject({
      enqueuedNow: 3,
      alreadyEnqueued: 4,
    })
    expect(await sendWave(deps, { waveId: wave.id }, ADMIN)).toMatchObject({
      enqueuedNow: 0,
      alreadyEnqueued: 7,
    })

    const sink = await startSmtpSink()
    const transport = createSmtpTransport({ url: sink.url, settings: TEST_MAIL_SETTINGS })
    const quiet = () => {}
    const worker = startOutboxWorker({
      db: w.db,
      clock: w.clock,
      transport,
      log: { info: quiet, warn: quiet, error: quiet },
      pollMs: 3_600_000,
    })
    try {
      while ((await worker.drain()) > 0) {}
    } finally {
      await worker.stop()
      await transport.close()
      await sink.close()
    }
    const invitations = sink.received.filter((mail) => mail.parsed.subject?.includes('invitation'))
    const recipients = invitations.flatMap((mail) => mail.envelope.to).sort()
    expect(recipients).toEqual(ids.map((_, i) => `c${i}@example.com`).sort())
    const body = invitations[0]!.parsed.text ?? ''
    for (const needle of [wave.code!, 'China', 'By phone', 'Results:', 'open since']) {
      expect(body).toContain(needle)
    }
    expect(expectOk<Wave>(await call(w, 'GET', `/v1/waves/${wave.id}`))).toMatchObject({
      invited: 7,
      mailed: 7,
      delivered: 7,
      registered: 0,
    })
  })

  it('invites nobody twice across waves, and refuses an empty wave', async () => {
    const { w } = await world(get)
    const ids = await newCandidates(w, 3)
    expectOk(await call(w, 'POST', '/v1/exams/71-620/beta-programme/roster', { candidateIds: ids }))
    await compose(w, { candidateIds: [ids[0]] })
    const rest = await compose(w, { audience: 'roster-rest' })
    expect(rest.invited).toBe(2)
    expectProblem(
      await call(w, 'POST', '/v1/exams/71-620/beta-programme/waves', {
        name: 'again',
        audience: 'roster-rest',
        codeMode: 'single-use',
      }),
      422,
      'WAVE_EMPTY',
    )
    expectProblem(await call(w, 'GET', '/v1/waves/nope'), 404, 'WAVE_NOT_FOUND')
  })
})
