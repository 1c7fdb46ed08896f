import { describe, expect, it } from 'vitest'
import { sendAppointmentReminders } from '../../src/app/registrations/send-appointment-reminders.js'
import { setExamPricing } from '../../src/db/catalogue/exam-prices.js'
import { DAY_MS, HOUR_MS } from '../../src/domain/instant.js'
import { startReminderJob } from '../../src/jobs/reminder-job.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  instant,
  registerCandidate,
  useApi,
} from '../api/api-harness.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { TEST_MAIL_SETTINGS } from '../factories/mail.js'
import { testDatabases } from '../support/databases.js'

const silent = { info() {}, warn() {}, error() {} }
const DAYS = 3
// Friday 26 June 2026, 09:00 in Auckland; the next day at the same time.
const FIRST = instant('2026-06-25T21:00:00Z')
const SECOND = instant('2026-06-26T21:00:00Z')

describe.each(testDatabases())('appointment reminders on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  async function world() {
    const w = get()
    expectOk(
      await call(w, 'POST', '/v1/exams', { number: '70-620', title: 'TS: Windows Vista' }),
      201,
    )
    await deliver(w.db, 'prometric', ['070-620'])
    const centre = await createCentre(w.db, {
      name: 'Prometric Auckland Grafton',
      address: 'Level 3, 44 Khyber Pass Road, Grafton, Auckland 1023',
      city: 'Auckland',
      country: 'NZ',
    })
    const first = await createSlot(w.db, centre, FIRST)
    const second = await createSlot(w.db, centre, SECOND)
    const job = startReminderJob(
      { db: w.db, clock: w.clock, mail: TEST_MAIL_SETTINGS },
      DAYS,
      silent,
      3_600_000,
    )
    return { w, first, second, job }
  }

  async function bookFor(w: ApiWorld, slotId: string, key: string, email: string) {
    const candidateId = await registerCandidate(w, { email })
    return expectOk<{ id: string }>(await book(w, { candidateId, slotId }, key), 201).id
  }

  async function reminders(w: ApiWorld) {
    return w.db
      .selectFrom('outbox')
      .select(['dedupe_key', 'recipient', 'subject', 'body_text', 'body_html'])
      .where('kind', '=', 'appointment-reminder')
      .orderBy('dedupe_key')
      .execute()
  }

  it('mails one reminder three days before, with the place, the centre’s clock and the deadlines', async () => {
    const { w, first, job } = await world()
    try {
      const registration = await bookFor(w, first, 'k1', 'lea@example.test')
      expect(await job.tick()).toBe(0)
      w.clock.set(FIRST - DAYS * DAY_MS - 1)
      expect(await job.tick()).toBe(0)
      w.clock.set(FIRST - DAYS * DAY_MS)
      expect(await job.tick()).toBe(1)
      w.clock.set(w.clock.now() + HOUR_MS)
      expect(await job.tick()).toBe(0)

      const [mail, ...others] = await reminders(w)
      expect(others).toEqual([])
      expect(mail).toMatchObject({
        dedupe_key: `appointment-reminder:${registration}:${first}`,
        recipient: 'lea@example.test',
        subject: 'Reminder: 070-620 on Friday 26 June 2026, 09:00 (Pacific/Auckland, UTC+12:00)',
      })
      expect(mail!.body_text).toContain(
        'Where:         Prometric Auckland Grafton, Level 3, 44 Khyber Pass Road, Grafton, Auckland 1023, New Zealand',
      )
      expect(mail!.body_text).toContain(`What to bring\n  ${TEST_MAIL_SETTINGS.bringToExam}`)
      // Prometric's rules: 24 hours before; Léa lives in Paris.
      expect(mail!.body_text).toContain(
        'Reschedule until Wednesday 24 June 2026, 23:00 (Europe/Paris, UTC+02:00).',
      )
      expect(mail!.body_html).toContain(
        '<h2 style="margin:24px 0 8px;font-size:18px">What to bring</h2>',
      )
    } finally {
      await job.stop()
    }
  })

  it('reminds confirmed registrations only: not one awaiting payment, nor a cancelled one', async () => {
    const { w, first, job } = await world()
    try {
      const cancelled = await bookFor(w, first, 'k1', 'chloe@example.test')
      expectOk(await call(w, 'POST', `/v1/registrations/${cancelled}/cancel`, {}, 'provider'))
      await setExamPricing(w.db, '070-620', {
        priceClass: 'regular',
        prices: [{ currency: 'USD', cents: 16_500 }],
      })
      await bookFor(w, first, 'k2', 'ben@example.test')
      w.clock.set(FIRST - DAY_MS)
      expect(await job.tick()).toBe(0)
      expect(await reminders(w)).toEqual([])
    } finally {
      await job.stop()
    }
  })

  it('sends none for a booking made inside the window: its confirmation said it all', async () => {
    const { w, first, job } = await world()
    try {
      w.clock.set(FIRST - 2 * DAY_MS)
      await bookFor(w, first, 'k1', 'lea@example.test')
      w.clock.set(w.clock.now() + HOUR_MS)
      expect(await job.tick()).toBe(0)
    } finally {
      await job.stop()
    }
  })

  it('reminds a rescheduled appointment anew, at its new time', async () => {
    const { w, first, second, job } = await world()
    try {
      const registration = await bookFor(w, first, 'k1', 'lea@example.test')
      w.clock.set(FIRST - DAYS * DAY_MS)
      expect(await job.tick()).toBe(1)
      w.clock.set(w.clock.now() + HOUR_MS)
      expectOk(
        await call(
          w,
          'POST',
          `/v1/registrations/${registration}/reschedule`,
          { slotId: second },
          'provider',
        ),
      )
      w.clock.set(SECOND - DAYS * DAY_MS)
      expect(await job.tick()).toBe(1)
      const mails = await reminders(w)
      expect(mails.map((mail) => mail.dedupe_key).sort()).toEqual(
        [
          `appointment-reminder:${registration}:${first}`,
          `appointment-reminder:${registration}:${second}`,
        ].sort(),
      )
      expect(mails.find((mail) => mail.dedupe_key.endsWith(second))?.subject).toContain(
        'Saturday 27 June 2026, 09:00',
      )
    } finally {
      await job.stop()
    }
  })

  it('writes one reminder when several processes run at once, and none when turned off', async () => {
    const { w, first, job } = await world()
    await job.stop()
    await bookFor(w, first, 'k1', 'lea@example.test')
    await bookFor(w, first, 'k2', 'ben@example.test')
    w.clock.set(FIRST - DAY_MS)
    const deps = { db: w.db, clock: w.clock, mail: TEST_MAIL_SETTINGS }
    expect(await sendAppointmentReminders(deps, 0)).toBe(0)
    const added = await Promise.all([
      sendAppointmentReminders(deps, DAYS),
      sendAppointmentReminders(deps, DAYS),
      sendAppointmentReminders(deps, DAYS),
    ])
    expect(added.reduce((a, b) => a + b, 0)).toBe(2)
    expect((await reminders(w)).map((mail) => mail.recipient).sort()).toEqual([
      'ben@example.test',
      'lea@example.test',
    ])
  })
})
