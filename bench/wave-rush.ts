/**
 * The morning a wave opens, on PostgreSQL: every invitee of an open wave
 * books at once with the wave's one shared code (50 connections, each
 * request a different invitee), through the API in a process of its own.
 * The wave has more invitees than the beta has seats, so the last tenth are
 * told the beta is full. Beside it, in the same run on the same server and
 * database, plain registrations (a live exam, no code, no programme), whose
 * rate is the ceiling the rush is compared with: every booking of the rush
 * updates the same three rows (the code's count of uses, the programme's
 * seats, a slot's seats), each held from its update to the commit.
 *
 * Checks the answers, not only the rate: exactly the seat limit booked,
 * every other invitee `BETA_SEATS_FULL`, nothing else.
 */

import { randomUUID } from 'node:crypto'
import autocannon from 'autocannon'
import { createToken } from '../src/app/access/api-tokens.js'
import { systemActor } from '../src/app/actor.js'
import { setBetaProgramme } from '../src/app/beta/beta-programme.js'
import { composeWave } from '../src/app/beta/compose-wave.js'
import { openWave } from '../src/app/beta/open-wave.js'
import { createExam } from '../src/app/catalogue/create-exam.js'
import { systemClock } from '../src/app/clock.js'
import { loadDemo } from '../src/app/operations/load-demo.js'
import { addProviderExam } from '../src/db/catalogue/providers.js'
import { openDatabase, quoteIdentifier } from '../src/db/engine/database.js'
import { migrateOrThrow } from '../src/db/engine/migrate.js'
import { DAY_MS } from '../src/domain/instant.js'
import type { MailSettings } from '../src/mail/mail-settings.js'
import { benchCandidateRow, insertBenchCentre } from './booking-world.js'
import { dec, heading, int, ms, pct, printTable, type TargetResult } from './format.js'
import { onPostgres, POSTGRES_URL, postgresAnswers } from './postgres.js'
import { firstLine, spawnServerChild, stopChild } from './server-child.js'

const CONNECTIONS = 50
const INVITEES = 3_000
const SEAT_LIMIT = 2_700
const PLAIN_CANDIDATES = 30_000
const SLOTS = 30
const CAPACITY = 1_000
const PROVIDER = 'prometric'
const PLAIN_EXAM = '070-901'
const BETA_EXAM = '071-901'
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

let keys = 0

export async function runWaveRushBench(options: {
  readonly duration: number
}): Promise<TargetResult[]> {
  heading(
    `wave rush: ${int(INVITEES)} invitees book at once with the wave's code, ${SEAT_LIMIT} seats (postgres)`,
  )
  if (!(await postgresAnswers(POSTGRES_URL))) {
    console.log('  PostgreSQL does not answer: skipped')
    return []
  }
  const schema = `bench_${randomUUID().replaceAll('-', '')}`
  await onPostgres(POSTGRES_URL, (client) =>
    client.query(`create schema ${quoteIdentifier(schema)}`),
  )
  try {
    const url = new URL(POSTGRES_URL)
    url.searchParams.set('options', `-c search_path=${schema}`)
    const { token, code, slots } = await prepare(url.toString())
    const child = spawnServerChild('./registrations-server.js', [url.toString()])
    try {
      const server = JSON.parse(await firstLine(child, 60_000)) as { url: string }
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
      let plainNext = 0
      const plain = await load(server.url, headers, { duration: options.duration }, () => {
        const n = plainNext++
        return JSON.stringify({
          candidateId: `p${n % PLAIN_CANDIDATES}`,
          exam: PLAIN_EXAM,
          slotId: slots[n % slots.length],
        })
      })
      let rushNext = 0
      const rush = await load(server.url, headers, { amount: INVITEES }, () => {
        const n = rushNext++
        return JSON.stringify({
          candidateId: `w${n}`,
          exam: BETA_EXAM,
          slotId: slots[n % slots.length],
          voucherCode: code,
        })
      })
      const booked = rush.answers.get('201') ?? 0
      const full = rush.answers.get('409 BETA_SEATS_FULL') ?? 0
      const bookingsPerSecond = booked / rush.bookingSeconds
      const ratio = bookingsPerSecond / plain.perSecond
      printTable(
        [
          ['what', 'rate', 'done', 'p99', 'answers'],
          [
            `plain registrations, ${options.duration} s`,
            `${int(plain.perSecond)} req/s`,
            int(plain.total),
            ms(plain.p99),
            describe(plain.answers),
          ],
          [
            `the rush, until the last seat (${dec(rush.bookingSeconds)} s)`,
            `${int(bookingsPerSecond)} bookings/s`,
            int(booked),
            ms(rush.p99),
            describe(rush.answers),
          ],
          ['the whole rush', `${int(INVITEES / rush.seconds)} req/s`, int(INVITEES), '', ''],
        ],
        'lrrrl',
      )
      console.log(
        `\n  postgres: rush ${int(bookingsPerSecond)} bookings/s | plain registrations ${int(plain.perSecond)} req/s | ratio ${pct(ratio)}`,
      )
      const right = booked === SEAT_LIMIT && full === INVITEES - SEAT_LIMIT
      return [
        {
          target: `a wave's rush books every seat, refuses the rest BETA_SEATS_FULL (postgres)`,
          figure:
            `${int(bookingsPerSecond)} bookings/s, ${pct(ratio)} of plain registrations (${int(plain.perSecond)} req/s)` +
            (right ? '' : `; answered ${describe(rush.answers)}`),
          pass: right,
        },
      ]
    } finally {
      await stopChild(child)
    }
  } finally {
    await onPostgres(POSTGRES_URL, (client) =>
      client.query(`drop schema if exists ${quoteIdentifier(schema)} cascade`),
    )
  }
}

/** The exams, the programme, the candidates, and an open wave of the invitees with its per-wave code. */
async function prepare(url: string) {
  const database = await openDatabase(url)
  const { db } = database
  try {
    const clock = systemClock
    const now = clock.now()
    const deps = { db, clock, mail: MAIL }
    await migrateOrThrow(db)
    await loadDemo(deps, false)
    await createExam(deps, { number: PLAIN_EXAM, title: 'Benchmark exam' })
    await createExam(deps, {
      number: BETA_EXAM,
      title: 'Benchmark exam (beta)',
      status: 'beta',
      betaPeriod: {
        start: new Date(now - DAY_MS).toISOString(),
        end: new Date(now + 90 * DAY_MS).toISOString(),
      },
    })
    for (const exam of [PLAIN_EXAM, BETA_EXAM]) await addProviderExam(db, PROVIDER, exam)
    await setBetaProgramme(
      deps,
      BETA_EXAM,
      {
        seatLimit: SEAT_LIMIT,
        acceptsNewCandidates: false,
        restrictedCountries: [],
        resultsReleaseAt: new Date(now + 120 * DAY_MS).toISOString(),
      },
      systemActor('bench', 'admin'),
    )
    const slots = Array.from({ length: SLOTS }, (_, k) => `bench-slot-${k}`)
    await db.transaction().execute(async (trx) => {
      await insertBenchCentre(trx, PROVIDER, slots, CAPACITY, now)
      const rows = [
        ...Array.from({ length: INVITEES }, (_, n) => benchCandidateRow(`w${n}`, n, now)),
        ...Array.from({ length: PLAIN_CANDIDATES }, (_, n) =>
          benchCandidateRow(`p${n}`, INVITEES + n, now),
        ),
      ]
      for (let i = 0; i < rows.length; i += 2_000) {
        await trx
          .insertInto('candidates')
          .values(rows.slice(i, i + 2_000))
          .execute()
      }
    })
    const wave = await composeWave(
      deps,
      BETA_EXAM,
      {
        name: 'rush',
        audience: 'list',
        codeMode: 'per-wave',
        candidateIds: Array.from({ length: INVITEES }, (_, n) => `w${n}`),
      },
      ADMIN,
    )
    await openWave(deps, wave.id, ADMIN)
    const { token } = await createToken(deps, {
      role: 'provider',
      label: 'bench',
      providerId: PROVIDER,
    })
    return { token, code: wave.code!, slots }
  } finally {
    await database.close()
  }
}

interface Load {
  readonly perSecond: number
  readonly total: number
  readonly p99: number
  readonly seconds: number
  /** From the start until the last 201. */
  readonly bookingSeconds: number
  /** `201`, or the status and problem code. */
  readonly answers: ReadonlyMap<string, number>
}

async function load(
  url: string,
  headers: Record<string, string>,
  limit: { readonly duration: number } | { readonly amount: number },
  nextBody: () => string,
): Promise<Load> {
  const answers = new Map<string, number>()
  const started = performance.now()
  let lastBooking = started
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    ...limit,
    headers,
    requests: [
      {
        method: 'POST',
        path: '/v1/registrations',
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'idempotency-key': `rush-${keys++}` },
          body: nextBody(),
        }),
        onResponse: (status, body) => {
          const answer =
            status === 201 ? '201' : `${status} ${(JSON.parse(body) as { code?: string }).code}`
          if (status === 201) lastBooking = performance.now()
          answers.set(answer, (answers.get(answer) ?? 0) + 1)
        },
      },
    ],
  })
  const seconds = (performance.now() - started) / 1000
  return {
    perSecond: result.requests.total / seconds,
    total: result.requests.total,
    p99: result.latency.p99,
    seconds,
    bookingSeconds: (lastBooking - started) / 1000,
    answers,
  }
}

function describe(answers: ReadonlyMap<string, number>): string {
  return [...answers.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([answer, count]) => `${int(count)} × ${answer}`)
    .join(', ')
}
