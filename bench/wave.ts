/**
 * A beta invitation wave of 100,000 candidates on SQLite: the time to
 * compose it (invitations and single-use codes), open it (self-check, roster)
 * and enqueue its mail in chunks, beside the raw insert rate of the same rows
 * (vouchers, invitations, outbox mails of the same size) as plain multi-row
 * inserts, in the same run; and the peak resident memory while sending,
 * which must stay flat: the send streams a chunk at a time.
 */

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import { systemActor } from '../src/app/actor.js'
import { setBetaProgramme } from '../src/app/beta/beta-programme.js'
import { composeWave } from '../src/app/beta/compose-wave.js'
import { openWave } from '../src/app/beta/open-wave.js'
import { sendWave } from '../src/app/beta/send-wave.js'
import { createCentre } from '../src/app/catalogue/create-centre.js'
import { createExam } from '../src/app/catalogue/create-exam.js'
import { fixedClock } from '../src/app/clock.js'
import { loadDemo } from '../src/app/operations/load-demo.js'
import { addProviderExam } from '../src/db/catalogue/providers.js'
import { insertSlots } from '../src/db/catalogue/slots.js'
import { type Database, openDatabase } from '../src/db/engine/database.js'
import { migrateOrThrow } from '../src/db/engine/migrate.js'
import { HOUR_MS } from '../src/domain/instant.js'
import type { MailSettings } from '../src/mail/mail-settings.js'
import { dec, heading, int, pct, printTable, type TargetResult } from './format.js'

const WAVE_SIZE = 100_000
const CHUNK = 1000
const TARGET_RATIO = 0.3
const NOW = Date.UTC(2026, 5, 15, 12)
const MAIL: MailSettings = {
  from: { name: 'examdesk', address: 'no-reply@examdesk.test' },
  replyTo: null,
  help: 'This address is not monitored. For help, write to help@examdesk.test.',
  helpContact: 'help@examdesk.test',
  bookingPlace: 'https://exams.examdesk.test/book',
  bringToExam: 'a photo ID',
  publicUrl: () => 'https://exams.examdesk.test',
}
const ADMIN = { id: 'bench', role: 'admin', channel: 'cli' }

export async function runWaveBench(): Promise<TargetResult[]> {
  heading(`invitation wave of ${int(WAVE_SIZE)} (sqlite)`)
  const dir = mkdtempSync(join(tmpdir(), 'examdesk-bench-wave-'))
  try {
    const real = await prepare(join(dir, 'wave.db'))
    const raw = await prepare(join(dir, 'raw.db'))
    try {
      const memory = sampleMemory()
      const deps = { db: real.db, clock: fixedClock(NOW), mail: MAIL }
      const t0 = performance.now()
      const wave = await composeWave(
        deps,
        '71-620',
        { name: 'everyone', audience: 'roster-rest', codeMode: 'single-use' },
        ADMIN,
      )
      const t1 = performance.now()
      await openWave(deps, wave.id, ADMIN)
      const t2 = performance.now()
      const sent = await sendWave(deps, { waveId: wave.id, chunkSize: CHUNK }, ADMIN)
      const t3 = performance.now()
      const peak = memory.stop()
      if (sent.enqueuedNow !== WAVE_SIZE)
        throw new Error(`sent ${sent.enqueuedNow}, not ${WAVE_SIZE}`)
      const sample = await real.db
        .selectFrom('outbox')
        .select(['subject', 'body_text'])
        .where('kind', '=', 'wave-invitation')
        .limit(1)
        .executeTakeFirstOrThrow()

      const r0 = performance.now()
      await rawInserts(raw, sample)
      const rawMs = performance.now() - r0

      const realMs = t3 - t0
      const realRate = (WAVE_SIZE / realMs) * 1000
      const rawRate = (WAVE_SIZE / rawMs) * 1000
      const ratio = realRate / rawRate
      printTable(
        [
          ['step', 'time', 'invitations/s'],
          [
            'compose (invitations + codes)',
            `${dec((t1 - t0) / 1000)} s`,
            int(WAVE_SIZE / ((t1 - t0) / 1000)),
          ],
          ['open (self-check + roster)', `${dec((t2 - t1) / 1000)} s`, '-'],
          [
            'send (outbox, chunks of 1000)',
            `${dec((t3 - t2) / 1000)} s`,
            int(WAVE_SIZE / ((t3 - t2) / 1000)),
          ],
          ['whole wave', `${dec(realMs / 1000)} s`, int(realRate)],
          ['raw inserts of the same rows', `${dec(rawMs / 1000)} s`, int(rawRate)],
          ['ratio', pct(ratio), `target ≥ ${pct(TARGET_RATIO)}`],
          [
            'peak JS heap over start',
            `${dec((peak.heapPeak - peak.heapStart) / 2 ** 20)} MiB`,
            `peak ${dec(peak.heapPeak / 2 ** 20)} MiB`,
          ],
          [
            'peak RSS over start',
            `${dec((peak.peak - peak.start) / 2 ** 20)} MiB`,
            `peak ${dec(peak.peak / 2 ** 20)} MiB`,
          ],
        ],
        'lrr',
      )
      return [
        {
          target: `wave of ${int(WAVE_SIZE)} on sqlite ≥ ${pct(TARGET_RATIO)} of raw inserts`,
          figure: `${int(realRate)}/s vs ${int(rawRate)}/s = ${pct(ratio)}; RSS +${dec((peak.peak - peak.start) / 2 ** 20)} MiB`,
          pass: ratio >= TARGET_RATIO,
        },
      ]
    } finally {
      await real.close()
      await raw.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A database with the programme, a beta exam with a programme and a slot, and the candidates on its roster. */
async function prepare(file: string): Promise<Database> {
  const database = await openDatabase(`sqlite:${file}`)
  const db = database.db
  await migrateOrThrow(db)
  const deps = { db, clock: fixedClock(NOW) }
  await loadDemo(deps, false)
  await createExam(deps, { number: '70-620', title: 'TS: Windows Vista' })
  await createExam(deps, {
    number: '71-620',
    title: 'TS: Windows Vista (beta)',
    status: 'beta',
    betaPeriod: { start: '2026-06-01T00:00:00Z', end: '2026-08-01T00:00:00Z' },
  })
  await addProviderExam(db, 'prometric', '071-620')
  await setBetaProgramme(
    deps,
    '71-620',
    {
      seatLimit: WAVE_SIZE,
      acceptsNewCandidates: false,
      restrictedCountries: ['CN'],
      resultsReleaseAt: '2026-09-15T00:00:00Z',
    },
    systemActor('bench', 'admin'),
  )
  const centre = await createCentre(deps, {
    provider: 'prometric',
    name: 'Bench centre',
    address: '1 Queen Street',
    city: 'Auckland',
    country: 'NZ',
    latitude: -36.85,
    longitude: 174.76,
    timeZone: 'Pacific/Auckland',
  })
  await insertSlots(db, [
    {
      id: uuidv7(),
      centreId: centre.id,
      startsAt: NOW + 400 * HOUR_MS,
      capacity: 50,
      createdAt: NOW,
    },
  ])
  const at = new Date(NOW).toISOString()
  for (let start = 0; start < WAVE_SIZE; start += CHUNK) {
    await db.transaction().execute(async (trx) => {
      const ids = Array.from(
        { length: Math.min(CHUNK, WAVE_SIZE - start) },
        (_, i) => `cand-${String(start + i).padStart(7, '0')}`,
      )
      await trx
        .insertInto('candidates')
        .values(
          ids.map((id) => ({
            id,
            first_name: 'Léa',
            last_name: 'Martin',
            email: `${id}@example.com`,
            country: 'FR',
            time_zone: 'Europe/Paris',
            created_at: at,
          })),
        )
        .execute()
      await trx
        .insertInto('beta_roster')
        .values(
          ids.map((id) => ({
            exam_number: '071-620',
            candidate_id: id,
            added_at: at,
            source: 'bench',
          })),
        )
        .execute()
    })
  }
  return database
}

/**
 * The same rows as plain inserts, chunk by chunk: a voucher, an invitation
 * and an outbox mail of the real mail's size per candidate, and the roster
 * rows opening adds (here updated in place, as the candidates are on it already).
 */
async function rawInserts(
  database: Database,
  sample: { readonly subject: string; readonly body_text: string },
): Promise<void> {
  const db = database.db
  const at = new Date(NOW).toISOString()
  const expires = new Date(NOW + 120 * 24 * HOUR_MS).toISOString()
  const waveId = uuidv7()
  await db
    .insertInto('invitation_waves')
    .values({
      id: waveId,
      exam_number: '071-620',
      position: 1,
      name: 'raw',
      audience: 'roster-rest',
      code_mode: 'single-use',
      hours_after_previous: 72,
      offer_id: 'beta-invitation',
      offer_version: 1,
      bearer_code: null,
      invited: WAVE_SIZE,
      created_at: at,
      created_by: 'bench',
    })
    .execute()
  for (let start = 0; start < WAVE_SIZE; start += CHUNK) {
    await db.transaction().execute(async (trx) => {
      const rows = Array.from({ length: Math.min(CHUNK, WAVE_SIZE - start) }, (_, i) => {
        const n = start + i
        const id = `cand-${String(n).padStart(7, '0')}`
        return { id, n, code: `RAW${String(n).padStart(15, '0')}` }
      })
      await trx
        .insertInto('vouchers')
        .values(
          rows.map((row) => ({
            code: row.code,
            offer_id: 'beta-invitation',
            offer_version: 1,
            candidate_id: row.id,
            issued_at: at,
            expires_at: expires,
            issued_by: 'bench',
            batch_id: `wave:${waveId}`,
            batch_position: row.n + 1,
            reward_for_exam: null,
          })),
        )
        .execute()
      await trx
        .insertInto('wave_invitations')
        .values(
          rows.map((row) => ({
            wave_id: waveId,
            position: row.n + 1,
            exam_number: '071-620',
            candidate_id: row.id,
            voucher_code: row.code,
            created_at: at,
            mailed_at: at,
          })),
        )
        .execute()
      await trx
        .insertInto('outbox')
        .values(
          rows.map((row) => ({
            id: uuidv7(),
            dedupe_key: `wave-invitation:${waveId}:${row.id}`,
            kind: 'wave-invitation',
            candidate_id: row.id,
            recipient: `${row.id}@example.com`,
            subject: sample.subject,
            body_text: sample.body_text,
            attachments: '[]',
            status: 'pending' as const,
            tries: 0,
            last_error: null,
            available_at: at,
            claimed_until: null,
            created_at: at,
            sent_at: null,
          })),
        )
        .execute()
    })
  }
}

/** Samples the resident set and the JS heap every 20 ms until stopped; returns the start and the peaks. */
function sampleMemory() {
  const first = process.memoryUsage()
  let peak = first.rss
  let heapPeak = first.heapUsed
  const sample = () => {
    const now = process.memoryUsage()
    peak = Math.max(peak, now.rss)
    heapPeak = Math.max(heapPeak, now.heapUsed)
  }
  const timer = setInterval(sample, 20)
  return {
    stop() {
      clearInterval(timer)
      sample()
      return { start: first.rss, peak, heapStart: first.heapUsed, heapPeak }
    },
  }
}
