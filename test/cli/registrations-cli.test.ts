import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../src/app/access/api-tokens.js'
import { operatorPrincipal } from '../../src/app/actor.js'
import { fixedClock } from '../../src/app/clock.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { reportSitting } from '../../src/app/retakes/report-sitting.js'
import { enrolInOffer } from '../../src/app/vouchers/enrol-in-offer.js'
import { issueVoucherBatch } from '../../src/app/vouchers/issue-voucher-batch.js'
import { readConfig } from '../../src/config.js'
import { readInstant } from '../../src/db/engine/columns.js'
import { selectMailPage } from '../../src/db/mail/outbox.js'
import { HOUR_MS, type Instant, parseInstant } from '../../src/domain/instant.js'
import { formatVoucherCode } from '../../src/domain/voucher-code.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { readMailSettings } from '../../src/mail/mail-settings.js'
import { createCandidate } from '../factories/catalogue.js'
import { type CliDatabase, cliEngines, openCliDatabase } from './cli-database.js'
import { describeRun, runCli } from './run-cli.js'

/** A Monday on which Second Shot 2026 takes enrolments; the demo's slots are the three weeks after it. */
const NOW = parseInstant('2026-10-05T12:00:00Z')!
const MAIL = readMailSettings(readConfig({}))
const ADMIN = {
  tokenId: 'test-admin',
  role: 'admin',
  channel: 'api',
  principal: operatorPrincipal('test-admin'),
} as const

describe.each(cliEngines())('phone-queue commands on %s', (engine) => {
  let database: CliDatabase
  const clock = fixedClock(NOW)

  beforeAll(async () => {
    database = await openCliDatabase(engine)
    await loadDemo({ db: database.db, clock }, true)
  })
  afterAll(async () => {
    await database?.close()
  })

  const examdesk = (args: readonly string[], at = clock) =>
    runCli(args, { DATABASE_URL: database.url }, { clock: at })

  /** The demo's slots for 070-680 that start after `after`, earliest first. */
  async function slotsOf680(after: Instant) {
    const rows = await database.db
      .selectFrom('slots')
      .innerJoin('test_centres', 'test_centres.id', 'slots.centre_id')
      .innerJoin('provider_exams', 'provider_exams.provider_id', 'test_centres.provider_id')
      .select(['slots.id', 'slots.starts_at'])
      .where('provider_exams.exam_number', '=', '070-680')
      .orderBy('slots.starts_at')
      .execute()
    return rows
      .map((row) => ({ id: row.id, startsAt: readInstant(row.starts_at) }))
      .filter((slot) => slot.startsAt > after)
  }

  /** A slot whose change deadlines are days ahead. */
  const laterSlot = async () => (await slotsOf680(NOW + 72 * HOUR_MS))[0]!

  async function mailTo(recipient: string) {
    const { items } = await selectMailPage(database.db, { limit: 200, offset: 0 })
    return items.filter((mail) => mail.recipient === recipient).map((mail) => mail.kind)
  }

  it('books for a caller once per key, says what is due and that nothing is mailed until paid, lists it, and cancels it', async () => {
    const slot = await laterSlot()
    const args = ['register', '--candidate', 'cand-kenji', '--exam', '70-680']
    const first = await examdesk([...args, '--slot', slot.id, '--key', 'call-42'])
    expect(first.code, describeRun(first)).toBe(0)
    expect(first.stderr).toBe('')
    expect(first.stdout).toMatch(
      /^Booked: [2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4} {2}booked {2}070-680/,
    )
    expect(first.stdout).toMatch(/^ {2}price: {4}USD 165\.00 list$/m)
    expect(first.stdout).toMatch(/^ {2}payment: {2}due; the seat is held until /m)
    expect(first.stdout).toContain('Amount due: USD 165.00, not paid yet.\n')
    expect(first.stdout).toContain(
      'Mail: the confirmation mail is sent to kenji.sato@example.com when the booking is paid; nothing is sent before.\n',
    )
    expect(await mailTo('kenji.sato@example.com')).toEqual([])

    const id = /Booked: (\S+)/.exec(first.stdout)![1]!
    const again = await examdesk([...args, '--slot', slot.id, '--key', 'call-42'])
    expect(again.stdout).toContain(`Already done (same key): ${id}`)

    const list = await examdesk(['registrations', 'list', '--candidate', 'cand-kenji'])
    expect(list.stdout.match(/070-680/g)).toHaveLength(1)
    expect(list.stdout).toMatch(/cancel until .+ [A-Z][a-z]+\/[A-Za-z_]+/)

    const cancelled = await examdesk(['cancel', '--registration', id.toLowerCase()])
    expect(cancelled.stdout).toContain(`Cancelled: ${id}  cancelled`)
    const twice = await examdesk(['cancel', '--registration', id])
    expect(twice.code).toBe(1)
    expect(twice.stderr).toContain('cancelled; it can no longer be changed')
  })

  it('takes a discount code and a payment: prints the price with the code, paid now, the confirmation on its way', async () => {
    const slot = await laterSlot()
    const batch = await issueVoucherBatch(
      { db: database.db, clock, mail: MAIL },
      { offerId: 'study-book-15', batchId: `books-${engine}`, count: 1, issuedBy: 'test' },
    )
    const { code } = batch.codes[0]!
    const run = await examdesk([
      'register',
      '--candidate',
      'cand-jonas',
      '--exam',
      '70-680',
      '--slot',
      slot.id,
      '--code',
      code,
      '--payment',
      'card',
      '--payment-reference',
      'AUTH-7',
    ])
    expect(run.code, describeRun(run)).toBe(0)
    expect(run.stdout).toContain(
      ['  price:    USD 165.00 list', `            -USD 24.75 ${code}  `].join('\n'),
    )
    expect(run.stdout).toMatch(/^ {12}USD 140\.25 due$/m)
    expect(run.stdout).toMatch(/^ {2}payment: {2}paid$/m)
    expect(run.stdout).toContain('Amount due: USD 140.25, paid now by card.\n')
    expect(run.stdout).toContain(
      'Mail: a confirmation mail is on its way to jonas.weber@example.com.\n',
    )
    expect(await mailTo('jonas.weber@example.com')).toEqual(['registration-confirmed'])
    const payments = await database.db
      .selectFrom('payments')
      .innerJoin('registrations', 'registrations.id', 'payments.registration_id')
      .select(['payments.method', 'payments.cents', 'payments.reference'])
      .where('registrations.candidate_id', '=', 'cand-jonas')
      .execute()
    expect(payments).toEqual([{ method: 'card', cents: 14_025, reference: 'AUTH-7' }])
  })

  it('refuses a code with the sentence the API answers, and books nothing', async () => {
    const slot = await laterSlot()
    const booking = { candidateId: 'cand-chloe', exam: '70-680', slotId: slot.id }
    const wrongCode = 'K7QM2X-9HDR4T-WPB3NZ'
    const app = await buildExamdeskApp({ db: database.db, clock })
    try {
      const { token } = await createToken(
        { db: database.db, clock },
        { role: 'support', label: 'cli test' },
      )
      const api = await app.inject({
        method: 'POST',
        url: '/v1/registrations',
        headers: { authorization: `Bearer ${token}`, 'idempotency-key': `wrong-${engine}` },
        payload: { ...booking, voucherCode: wrongCode },
      })
      const run = await examdesk([
        'register',
        '--candidate',
        booking.candidateId,
        '--exam',
        booking.exam,
        '--slot',
        booking.slotId,
        '--code',
        wrongCode,
      ])
      expect(api.statusCode).toBeGreaterThanOrEqual(400)
      expect(run.code, describeRun(run)).toBe(1)
      expect(run.stdout).toBe('')
      expect(run.stderr).toBe(`examdesk: ${api.json().detail}\n`)
    } finally {
      await app.close()
    }
    const list = await examdesk(['registrations', 'list', '--candidate', 'cand-chloe'])
    expect(list.stdout).not.toContain('070-680')
  })

  it('says before booking that a seat can no longer be changed, and books it only when the caller agrees (--acknowledge-deadlines)', async () => {
    const candidate = await createCandidate(database.db, { id: `cand-soon-${engine}` })
    const [soon] = await slotsOf680(NOW)
    const args = ['register', '--candidate', candidate.id, '--exam', '70-680', '--slot', soon!.id]
    const refused = await examdesk(args)
    expect(refused.code, describeRun(refused)).toBe(1)
    expect(refused.stderr).toMatch(/could no longer be rescheduled \(the deadline was /)
    expect(refused.stderr).toContain(
      'Nothing was booked: tell the caller, and give --acknowledge-deadlines to book anyway.',
    )
    expect(refused.stderr).not.toContain('acknowledgeDeadlines')

    const agreed = await examdesk([...args, '--acknowledge-deadlines'])
    expect(agreed.code, describeRun(agreed)).toBe(0)
    expect(agreed.stdout).toMatch(/^Booked: /)
  })

  it('moves a booking onto a seat past its deadlines only when the caller agrees (--acknowledge-deadlines)', async () => {
    const candidate = await createCandidate(database.db, { id: `cand-move-${engine}` })
    const slot = await laterSlot()
    const booked = await examdesk([
      'register',
      '--candidate',
      candidate.id,
      '--exam',
      '70-680',
      '--slot',
      slot.id,
    ])
    expect(booked.code, describeRun(booked)).toBe(0)
    const id = /Booked: (\S+)/.exec(booked.stdout)![1]!
    const [soon] = await slotsOf680(NOW)
    const args = ['reschedule', '--registration', id, '--slot', soon!.id]
    const refused = await examdesk(args)
    expect(refused.code, describeRun(refused)).toBe(1)
    expect(refused.stderr).toContain(
      'Nothing was moved: tell the caller, and give --acknowledge-deadlines to move it anyway.',
    )
    const agreed = await examdesk([...args, '--acknowledge-deadlines'])
    expect(agreed.code, describeRun(agreed)).toBe(0)
    expect(agreed.stdout).toContain(`Moved: ${id}`)
  })

  it('will not let a booking give up a free retake unless the caller agrees (--acknowledge-forfeit)', async () => {
    const later = fixedClock(NOW)
    const candidate = await createCandidate(database.db, { id: `cand-lea-${engine}` })
    const { result } = await enrolInOffer(
      { db: database.db, clock: later, mail: MAIL },
      'second-shot',
      candidate.id,
      ADMIN,
      null,
    )
    const code = formatVoucherCode(result.voucher.code)
    const [first] = await slotsOf680(NOW + 7 * 24 * HOUR_MS)
    const booked = await examdesk(
      [
        'register',
        '--candidate',
        candidate.id,
        '--exam',
        '70-680',
        '--slot',
        first!.id,
        '--code',
        code,
        '--payment',
        'card',
      ],
      later,
    )
    expect(booked.code, describeRun(booked)).toBe(0)
    // The first attempt is paid in full; the code keeps its free retake.
    expect(booked.stdout).toContain('Amount due: USD 165.00, paid now by card.\n')
    expect(booked.stdout).toContain(
      `Mail: a confirmation mail is on its way to ${candidate.email}.\n`,
    )
    const registrationId = /Booked: (\S+)/.exec(booked.stdout)![1]!

    later.set(first!.startsAt + 3 * HOUR_MS)
    await reportSitting(
      { db: database.db, clock: later, mail: MAIL },
      registrationId,
      { kind: 'result', outcome: 'fail' },
      {
        tokenId: 'test-provider',
        role: 'provider',
        channel: 'api',
        principal: operatorPrincipal('test-provider'),
      },
    )
    const [retake] = await slotsOf680(first!.startsAt + 48 * HOUR_MS)
    const args = ['register', '--candidate', candidate.id, '--exam', '70-680', '--slot', retake!.id]
    const refused = await examdesk(args, later)
    expect(refused.code, describeRun(refused)).toBe(1)
    expect(refused.stderr).toContain(
      'Nothing was booked: tell the caller, and give --acknowledge-forfeit to book anyway.',
    )
    expect(refused.stderr).not.toContain('acknowledgeForfeit')

    const agreed = await examdesk([...args, '--acknowledge-forfeit'], later)
    expect(agreed.code, describeRun(agreed)).toBe(0)
    expect(agreed.stdout).toContain('Amount due: USD 165.00, not paid yet.\n')
  })
})
