/**
 * What a code costs inside a registration: `POST /v1/registrations` with a
 * single-use discount code (each candidate their own, as a study-book code
 * is) beside the same registration without one, on the same SQLite database,
 * through the same server child, in the same run. The two loads alternate
 * (without, with, without, with) so that drift on a noisy machine falls on
 * both; each figure is the mean of its two runs. Target: a code costs under
 * 25 % (the ratio with/without ≥ 75 %).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { createToken } from '../src/app/access/api-tokens.js'
import { createExam } from '../src/app/catalogue/create-exam.js'
import { systemClock } from '../src/app/clock.js'
import { loadDemo } from '../src/app/operations/load-demo.js'
import { newVoucher } from '../src/app/vouchers/new-voucher.js'
import { setExamPricing } from '../src/db/catalogue/exam-prices.js'
import { addProviderExam } from '../src/db/catalogue/providers.js'
import { openDatabase } from '../src/db/engine/database.js'
import { migrateOrThrow } from '../src/db/engine/migrate.js'
import { insertVouchers } from '../src/db/vouchers/vouchers.js'
import { STUDY_BOOK_DISCOUNT } from '../src/demo/demo-offers.js'
import { formatVoucherCode } from '../src/domain/voucher-code.js'
import { benchCandidateRow, insertBenchCentre } from './booking-world.js'
import { heading, int, ms, pct, printTable, type TargetResult } from './format.js'
import { firstLine, spawnServerChild, stopChild } from './server-child.js'

export const CODE_COST_TARGET = 0.25
const CONNECTIONS = 50
const CANDIDATES = 60_000
const SLOTS = 500
const CAPACITY = 1_000
const PROVIDER = 'prometric'
const PLAIN_EXAM = '070-801'
const CODE_EXAM = '070-802'

/** Every request of the run has its own Idempotency-Key. */
let keys = 0

interface Figure {
  readonly perSecond: number
  readonly p99: number
  readonly non2xx: number
  readonly total: number
}

export async function runCodeRedemptionBench(options: {
  readonly duration: number
}): Promise<TargetResult[]> {
  heading('code redemption: POST /v1/registrations with a single-use code beside one without')
  const dir = mkdtempSync(join(tmpdir(), 'examdesk-bench-codes-'))
  const url = `sqlite:${join(dir, 'bench.db')}`
  try {
    const { token, codes, slots } = await prepare(url)
    const child = spawnServerChild('./registrations-server.js', [url])
    const runs: { plain: Figure[]; coded: Figure[] } = { plain: [], coded: [] }
    try {
      const server = JSON.parse(await firstLine(child, 60_000)) as { url: string }
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
      // Each candidate books each exam once: two cursors over one list of candidates.
      const next = { plain: 0, coded: 0 }
      const load = (kind: 'plain' | 'coded', seconds: number) =>
        loadOnce(server.url, headers, seconds, () => {
          const n = next[kind]++
          const candidate = n % CANDIDATES
          return JSON.stringify({
            candidateId: `c${candidate}`,
            exam: kind === 'plain' ? PLAIN_EXAM : CODE_EXAM,
            slotId: slots[n % slots.length],
            payment: { method: 'card' },
            ...(kind === 'coded' ? { voucherCode: codes[candidate] } : {}),
          })
        })
      await load('plain', Math.min(2, options.duration))
      const half = Math.max(1, Math.round(options.duration / 2))
      for (let round = 0; round < 2; round++) {
        runs.plain.push(await load('plain', half))
        runs.coded.push(await load('coded', half))
      }
    } finally {
      await stopChild(child)
    }
    const plain = mean(runs.plain)
    const coded = mean(runs.coded)
    const ratio = coded.perSecond / plain.perSecond
    printTable(
      [
        ['what', 'rate (mean of 2)', 'done', 'p99', 'non-2xx'],
        [
          'registration without a code',
          `${int(plain.perSecond)} req/s`,
          int(plain.total),
          ms(plain.p99),
          int(plain.non2xx),
        ],
        [
          'registration with a single-use code',
          `${int(coded.perSecond)} req/s`,
          int(coded.total),
          ms(coded.p99),
          int(coded.non2xx),
        ],
      ],
      'lrrrr',
    )
    console.log(
      `\n  sqlite: with a code ${int(coded.perSecond)} req/s | without ${int(plain.perSecond)} req/s | ratio ${pct(ratio)} | a code costs ${pct(1 - ratio)}`,
    )
    const clean = plain.non2xx + coded.non2xx === 0
    return [
      {
        target: `a code costs < ${pct(CODE_COST_TARGET)} of registration throughput (sqlite)`,
        figure: `${pct(1 - ratio)} (${int(coded.perSecond)} vs ${int(plain.perSecond)} req/s)${clean ? '' : ', with non-2xx answers'}`,
        pass: 1 - ratio < CODE_COST_TARGET && clean,
      },
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function prepare(url: string) {
  const database = await openDatabase(url)
  const { db } = database
  try {
    const clock = systemClock
    const now = clock.now()
    await migrateOrThrow(db)
    await loadDemo({ db, clock }, false)
    for (const number of [PLAIN_EXAM, CODE_EXAM]) {
      await createExam({ db, clock }, { number, title: `Benchmark exam ${number}` })
      await addProviderExam(db, PROVIDER, number)
      await setExamPricing(db, number, {
        priceClass: 'regular',
        prices: [{ currency: 'USD', cents: 16_500 }],
      })
    }
    const slots = Array.from({ length: SLOTS }, (_, k) => `bench-slot-${k}`)
    const codes: string[] = []
    await db.transaction().execute(async (trx) => {
      await insertBenchCentre(trx, PROVIDER, slots, CAPACITY, now)
      for (let i = 0; i < CANDIDATES; i += 2_000) {
        const rows = []
        const vouchers = []
        for (let j = i; j < Math.min(CANDIDATES, i + 2_000); j++) {
          rows.push(benchCandidateRow(`c${j}`, j, now))
          const voucher = newVoucher(
            STUDY_BOOK_DISCOUNT,
            { candidateId: `c${j}`, issuedBy: 'bench' },
            now,
          )
          vouchers.push(voucher)
          codes.push(formatVoucherCode(voucher.code))
        }
        await trx.insertInto('candidates').values(rows).execute()
        await insertVouchers(trx, vouchers)
      }
    })
    const { token } = await createToken(
      { db, clock },
      { role: 'provider', label: 'bench', providerId: PROVIDER },
    )
    return { token, codes, slots }
  } finally {
    await database.close()
  }
}

async function loadOnce(
  url: string,
  headers: Record<string, string>,
  duration: number,
  nextBody: () => string,
): Promise<Figure> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers,
    requests: [
      {
        method: 'POST',
        path: '/v1/registrations',
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'idempotency-key': `codes-${keys++}` },
          body: nextBody(),
        }),
      },
    ],
  })
  if (result.non2xx > 0 && process.env.BENCH_DEBUG) console.log(result.statusCodeStats)
  return {
    perSecond: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    total: result.requests.total,
  }
}

function mean(figures: readonly Figure[]): Figure {
  const sum = (pick: (f: Figure) => number) => figures.reduce((total, f) => total + pick(f), 0)
  return {
    perSecond: sum((f) => f.perSecond) / figures.length,
    p99: Math.max(...figures.map((f) => f.p99)),
    non2xx: sum((f) => f.non2xx),
    total: sum((f) => f.total),
  }
}
