import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../src/app/access/api-tokens.js'
import { createStaffAccount } from '../../src/app/accounts/staff-accounts.js'
import { systemActor } from '../../src/app/actor.js'
import { fixedClock } from '../../src/app/clock.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { getRegistration } from '../../src/app/registrations/get-registration.js'
import { reportSitting } from '../../src/app/retakes/report-sitting.js'
import { enrolInOffer } from '../../src/app/vouchers/enrol-in-offer.js'
import { issueVoucherBatch } from '../../src/app/vouchers/issue-voucher-batch.js'
import { readConfig } from '../../src/config.js'
import { readInstant, writeInstant } from '../../src/db/engine/columns.js'
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
const ADMIN = systemActor('test-admin', 'admin')
const PHONE_COMMANDS = new Set(['register', 'reschedule', 'cancel'])
/** The demo's support agent, by the email of her account. */
const ROSA = 'rosa.delgado@examdesk.example'
const AGENT = ['--agent-email', ROSA, '--reason', 'The candidate called the helpdesk']

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

  const run = (args: readonly string[], at = clock) =>
    runCli(args, { DATABASE_URL: database.url }, { clock: at })
  /** A command as the agent on the phone runs it: a phone-queue command names the agent and says why. */
  const examdesk = (args: readonly string[], at = clock) =>
    run(PHONE_COMMANDS.has(args[0] ?? '') ? [...args, ...AGENT] : args, at)

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

  /** A new candidate `id` booked on a later slot of 70-680 by the agent; the registration's id. */
  async function bookedOnLaterSlot(id: string): Promise<string> {
    const candidate = await createCandidate(database.db, { id })
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
    return /Booked: (\S+)/.exec(booked.stdout)![1]!
  }

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
    const id = await bookedOnLaterSlot(`cand-move-${engine}`)
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
      systemActor('test-provider', 'provider'),
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
  it("records the agent as the person of their account: their name in the trail, the registration and what the candidate reads, on the candidate's clock", async () => {
    const slot = await laterSlot()
    const args = ['register', '--candidate', 'cand-lucas', '--exam', '70-680', '--slot', slot.id]
    const withoutReason = await run([...args, '--agent-email', ROSA])
    expect(withoutReason.code).toBe(1)
    expect(withoutReason.stderr).toContain("required option '--reason <text>' not specified")
    const booked = await run([
      ...args,
      '--payment',
      'card',
      '--agent-email',
      'Rosa.Delgado@examdesk.example',
      '--reason',
      'Could not book online: the page timed out',
    ])
    expect(booked.code, describeRun(booked)).toBe(0)
    const id = /Booked: (\S+)/.exec(booked.stdout)![1]!
    const registration = await database.db
      .selectFrom('registrations')
      .select(['booked_by_role', 'channel', 'booked_by_name', 'booked_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(registration).toEqual({
      booked_by_role: 'support',
      channel: 'phone',
      booked_by_name: 'Rosa Delgado',
      booked_reason: 'Could not book online: the page timed out',
    })
    const trail = await database.db
      .selectFrom('audit_log')
      .select(['actor_role', 'channel', 'actor_account_id', 'actor_name', 'actor_label', 'reason'])
      .where('subject_id', '=', id)
      .where('action', '=', 'registered')
      .executeTakeFirstOrThrow()
    expect(trail).toMatchObject({
      actor_role: 'support',
      channel: 'phone',
      actor_account_id: 'acct-rosa',
      actor_name: 'Rosa Delgado',
      reason: 'Could not book online: the page timed out',
    })
    // The console it came through is kept beside the person.
    expect(trail.actor_label).toMatch(/^cli:/)
    const { history } = await getRegistration({ db: database.db }, id, ADMIN.principal)
    // NOW is 09:00 in São Paulo, Lucas's zone.
    expect(history[0]?.summary).toBe(
      'Registered for you by Rosa Delgado (support) by phone on Monday 5 October 2026, 09:00 (America/Sao_Paulo, UTC-03:00): Could not book online: the page timed out.',
    )
    const mail = await database.db
      .selectFrom('outbox')
      .select('facts')
      .where('dedupe_key', '=', `registration-confirmed:${id}:1`)
      .executeTakeFirstOrThrow()
    expect(JSON.parse(mail.facts ?? '{}').onBehalf).toMatchObject({
      role: 'support',
      channel: 'phone',
      displayName: 'Rosa Delgado',
      reason: 'Could not book online: the page timed out',
    })
  })

  it('records an admin taking the call as the admin they are', async () => {
    const id = await bookedOnLaterSlot(`cand-admin-call-${engine}`)
    const cancelled = await run([
      'cancel',
      '--registration',
      id,
      '--agent-email',
      'henrik.lund@examdesk.example',
      '--reason',
      'Cannot travel',
    ])
    expect(cancelled.code, describeRun(cancelled)).toBe(0)
    const trail = await database.db
      .selectFrom('audit_log')
      .select(['actor_role', 'actor_account_id', 'actor_name'])
      .where('subject_id', '=', id)
      .where('action', '=', 'cancelled')
      .executeTakeFirstOrThrow()
    expect(trail).toEqual({
      actor_role: 'admin',
      actor_account_id: 'acct-henrik',
      actor_name: 'Henrik Lund',
    })
  })

  it('refuses an agent with no staff account, saying why, and changes nothing', async () => {
    const candidate = await createCandidate(database.db, { id: `cand-no-agent-${engine}` })
    const slot = await laterSlot()
    const args = ['register', '--candidate', candidate.id, '--exam', '70-680', '--slot', slot.id]
    const reason = ['--reason', 'Booked on a call']

    const unnamed = await run([...args, ...reason])
    expect(unnamed.code).toBe(1)
    expect(unnamed.stderr).toContain("required option '--agent-email <email>' not specified")

    const unknown = await run([...args, ...reason, '--agent-email', 'maria.lopez@examdesk.example'])
    expect(unknown.code).toBe(1)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toBe(
      'examdesk: --agent-email: no account has the email maria.lopez@examdesk.example. Nothing was changed; `examdesk account list` shows the staff accounts, `examdesk account create` makes one.\n',
    )

    const candidates = await run([...args, ...reason, '--agent-email', 'chloe.nguyen@example.com'])
    expect(candidates.code).toBe(1)
    expect(candidates.stderr).toBe(
      "examdesk: --agent-email: chloe.nguyen@example.com is a candidate's account; only a support or admin account acts for a caller. Nothing was changed.\n",
    )

    const gone = await createStaffAccount({ db: database.db, clock }, ADMIN, {
      role: 'support',
      displayName: 'Maria Lopez',
      email: `maria.lopez.${engine}@examdesk.example`,
    })
    await database.db
      .updateTable('accounts')
      .set({ disabled_at: writeInstant(NOW) })
      .where('id', '=', gone.id)
      .execute()
    const disabled = await run([...args, ...reason, '--agent-email', gone.email])
    expect(disabled.code).toBe(1)
    expect(disabled.stderr).toBe(
      `examdesk: --agent-email: the account ${gone.email} is disabled and acts for no one. Nothing was changed.\n`,
    )

    const mistyped = await run([...args, ...reason, '--agent-email', 'rosa at examdesk'])
    expect(mistyped.code).toBe(1)
    expect(mistyped.stderr).toContain('"rosa at examdesk" is not an email address.')

    const list = await run(['registrations', 'list', '--candidate', candidate.id])
    expect(list.stdout).toBe('No registrations.\n')
  })
})
