/**
 * The retake engine alone: decideRetake on in-memory histories, no I/O.
 *
 * (a) evaluations per second on ~10,000 realistic candidates, and on one
 *     fixed 5-attempt history (target ≥ 1,000,000/s), each beside its
 *     ceiling: a loop over the very same inputs that only sums a field;
 * (b) how the cost of one evaluation grows with the length of the history.
 */
import type { Attempt, AttemptOutcome } from '../src/domain/attempt.js'
import { type Certification, computeEarnedCertifications } from '../src/domain/certification.js'
import { decideRetake, type RetakeFacts } from '../src/domain/decide-retake.js'
import type { Exam } from '../src/domain/exam.js'
import { DAY_MS, HOUR_MS, type Instant } from '../src/domain/instant.js'
import type { RetakeCode } from '../src/domain/retake-decision.js'
import { retakeReason } from '../src/domain/retake-reasons.js'
import type { Waiver } from '../src/domain/waiver.js'
import { at, liveExam, POLICIES } from '../test/factories/retake.js'
import { dec, heading, int, pct, printTable, type TargetResult } from './format.js'

export interface EngineOptions {
  /** Seconds; scales the number of evaluations timed (10 gives the nominal counts). */
  readonly duration: number
}

export const ENGINE_TARGET_PER_SECOND = 1_000_000

interface Case {
  readonly facts: RetakeFacts
  readonly exam: Exam
  readonly at: Instant
}

/** A small seeded PRNG (mulberry32), so every run judges the same candidates. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const NOW = at('2026-06-01T00:00:00Z')
const ZONES = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata']
const PROVIDERS = ['prometric', 'pearson-vue']

const EXAMS = {
  general: ['70-620', '70-680', '70-685', '70-640', '70-642'].map((n) => liveExam(n, 'general')),
  'mta-mce': ['98-349', '98-361', '98-364'].map((n) => liveExam(n, 'mta-mce')),
  mos: ['77-727', '77-728'].map((n) => liveExam(n, 'mos')),
}
const ALL_EXAMS = [...EXAMS.general, ...EXAMS['mta-mce'], ...EXAMS.mos]

/** MTA certifications lapse after 36 months (a pass blocks until then); the others never do. */
const CATALOGUE: readonly Certification[] = ALL_EXAMS.map((exam) => ({
  id: `cert-${exam.number}`,
  name: `Certified in ${exam.number}`,
  exams: [exam.number],
  validityMonths: exam.policyId === 'mta-mce' ? 36 : null,
}))

let attemptSequence = 0
function attempt(exam: Exam, takenAt: Instant, outcome: AttemptOutcome, provider: string): Attempt {
  attemptSequence++
  return {
    id: `att-${attemptSequence}`,
    exam: exam.number,
    creditFor: exam.betaOf ?? exam.number,
    provider,
    takenAt,
    outcome,
  }
}

function factsOf(attempts: Attempt[], waivers: Waiver[], timeZone: string): RetakeFacts {
  attempts.sort((a, b) => a.takenAt - b.takenAt)
  return {
    attempts,
    certifications: computeEarnedCertifications(CATALOGUE, attempts),
    waivers,
    timeZone,
  }
}

/**
 * ~10,000 candidates as the API meets them: 0–10 attempts at the exam asked
 * about (mostly failures, some passes, a pending result now and then), a few
 * attempts at other exams, the odd waiver, judged at instants spread over a year.
 */
export function realisticCases(count: number, seed = 1): Case[] {
  const rnd = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!
  const cases: Case[] = []
  for (let c = 0; c < count; c++) {
    const roll = rnd()
    const family = roll < 0.6 ? EXAMS.general : roll < 0.85 ? EXAMS['mta-mce'] : EXAMS.mos
    const exam = pick(family)
    const when = NOW + Math.floor((rnd() - 0.5) * 365 * DAY_MS)
    const attempts: Attempt[] = []

    // Attempts at this exam, newest first: the latest 0–60 days ago, then 1–90 days apart.
    const n = Math.floor(11 * rnd() ** 1.6)
    let takenAt = when - Math.floor(rnd() * 60 * DAY_MS) - HOUR_MS
    for (let i = 0; i < n; i++) {
      const latest = i === 0
      const r = rnd()
      const outcome: AttemptOutcome = latest && r < 0.05 ? 'pending' : r < 0.86 ? 'fail' : 'pass'
      // Under a policy that forbids retaking a pass, nobody sat it after passing.
      if (outcome === 'pass' && exam.policyId !== 'mos' && !latest) break
      attempts.push(attempt(exam, takenAt, outcome, pick(PROVIDERS)))
      takenAt -= Math.floor((1 + rnd() * 89) * DAY_MS)
    }
    // The rest of the candidate's history: 0–3 attempts at other exams.
    const others = Math.floor(rnd() * 4)
    for (let i = 0; i < others; i++) {
      const other = pick(ALL_EXAMS)
      if (other === exam) continue
      const otherAt = when - Math.floor(rnd() * 700 * DAY_MS)
      attempts.push(attempt(other, otherAt, rnd() < 0.7 ? 'pass' : 'fail', pick(PROVIDERS)))
    }
    const waivers: Waiver[] =
      rnd() < 0.03
        ? [
            {
              id: `waiver-${c}`,
              exam: exam.number,
              waivesWait: rnd() < 0.5,
              waivesLimit: true,
              grantedAt: when - 5 * DAY_MS,
            },
          ]
        : []
    cases.push({ facts: factsOf(attempts, waivers, pick(ZONES)), exam, at: when })
  }
  return cases
}

/**
 * One candidate with five attempts at 070-620, judged at 64 instants over the
 * 100 days after the latest. `limit-reached`: five failures in nine months,
 * so the annual limit holds (demo candidate Ben's story); `within-limit`:
 * five failures over 21 months, at most three in any 12-month period, so
 * only the wait after the latest failure can block.
 */
export function fiveAttemptCases(kind: 'limit-reached' | 'within-limit'): Case[] {
  const exam = EXAMS.general[0]!
  const days = kind === 'limit-reached' ? [0, 30, 90, 180, 270] : [0, 120, 400, 520, 640]
  const first = NOW - days[4]! * DAY_MS
  const attempts = days.map((d, i) =>
    attempt(exam, first + d * DAY_MS + 9 * HOUR_MS, 'fail', PROVIDERS[i % 2]!),
  )
  const facts = factsOf(attempts, [], 'Europe/Berlin')
  return Array.from({ length: 64 }, (_, i) => ({
    facts,
    exam,
    at: NOW + 10 * HOUR_MS + Math.floor((i * 100 * DAY_MS) / 64),
  }))
}

/**
 * Histories of `length` failures at 070-620: 70% old (spread over the 19
 * years before the last one) and 30% recent (the last 12 months), judged a
 * few days after the latest. Eight different histories of each length.
 */
export function historyCases(length: number, seed = 7): Case[] {
  const rnd = random(seed + length)
  const exam = EXAMS.general[0]!
  const cases: Case[] = []
  for (let h = 0; h < 8; h++) {
    const attempts: Attempt[] = []
    for (let i = 0; i < length; i++) {
      const old = length > 1 && rnd() < 0.7
      const ago = old ? 365 + rnd() * 19 * 365 : rnd() * 365
      attempts.push(attempt(exam, NOW - 5 * DAY_MS - Math.floor(ago * DAY_MS), 'fail', 'prometric'))
    }
    const facts = factsOf(attempts, [], 'UTC')
    const latest = facts.attempts[facts.attempts.length - 1]!.takenAt
    for (let k = 0; k < 4; k++) {
      cases.push({ facts, exam, at: latest + Math.floor((1 + rnd() * 30) * DAY_MS) })
    }
  }
  return cases
}

// ---------------------------------------------------------------------------
// Timed loops. Each returns its elapsed nanoseconds and a sum the caller
// consumes, so the JIT cannot drop the work.

interface Timed {
  readonly ns: number
  readonly sum: number
}

function timeDecisions(cases: readonly Case[], count: number): Timed {
  const n = cases.length
  let sum = 0
  const start = process.hrtime.bigint()
  for (let i = 0, j = 0; i < count; i++) {
    const c = cases[j]!
    if (decideRetake(POLICIES, c.facts, c.exam, c.at).eligible) sum++
    if (++j === n) j = 0
  }
  return { ns: Number(process.hrtime.bigint() - start), sum }
}

/** The same bookkeeping as timeDecisions (walk the inputs, sum a field), minus the engine. */
function timeCeiling(cases: readonly Case[], count: number): Timed {
  const n = cases.length
  let sum = 0
  const start = process.hrtime.bigint()
  for (let i = 0, j = 0; i < count; i++) {
    const c = cases[j]!
    sum += c.facts.attempts.length
    if (++j === n) j = 0
  }
  return { ns: Number(process.hrtime.bigint() - start), sum }
}

/** What the API does: decide, then write the sentence where it is shown (retakeReason). */
function timeDecisionsWithReason(cases: readonly Case[], count: number): Timed {
  const n = cases.length
  let sum = 0
  const start = process.hrtime.bigint()
  for (let i = 0, j = 0; i < count; i++) {
    const c = cases[j]!
    sum += retakeReason(decideRetake(POLICIES, c.facts, c.exam, c.at)).length
    if (++j === n) j = 0
  }
  return { ns: Number(process.hrtime.bigint() - start), sum }
}

let sink = 0

/** How many evaluations fit in `seconds`, from a short trial run. */
function countFor(
  loop: (cases: readonly Case[], count: number) => Timed,
  cases: readonly Case[],
  seconds: number,
): number {
  let trial = 1000
  for (;;) {
    const { ns, sum } = loop(cases, trial)
    sink += sum
    if (ns > 50e6 || trial >= 1e8) return Math.max(1000, Math.floor((trial * seconds * 1e9) / ns))
    trial *= 4
  }
}

interface Throughput {
  readonly perSecond: number
  readonly ceilingPerSecond: number
  readonly count: number
}

/**
 * Warms both loops up, then times `count` evaluations and `count` ceiling
 * iterations in three alternating rounds; the best round of each counts
 * (noise only ever slows a round down).
 */
function throughput(cases: readonly Case[], nominal: number, maxSeconds: number): Throughput {
  sink += timeDecisions(cases, 200_000).sum
  sink += timeCeiling(cases, 2_000_000).sum
  const count = Math.min(nominal, countFor(timeDecisions, cases, maxSeconds))
  const perRound = Math.max(1, Math.floor(count / 3))
  const ceilingCount = Math.max(perRound, 10_000_000)
  let best = Number.POSITIVE_INFINITY
  let bestCeiling = Number.POSITIVE_INFINITY
  for (let round = 0; round < 3; round++) {
    const engine = timeDecisions(cases, perRound)
    const ceiling = timeCeiling(cases, ceilingCount)
    sink += engine.sum + ceiling.sum
    best = Math.min(best, engine.ns / perRound)
    bestCeiling = Math.min(bestCeiling, ceiling.ns / ceilingCount)
  }
  return { perSecond: 1e9 / best, ceilingPerSecond: 1e9 / bestCeiling, count: perRound * 3 }
}

function codeMix(cases: readonly Case[]): string {
  const counts = new Map<RetakeCode, number>()
  for (const c of cases) {
    const { code } = decideRetake(POLICIES, c.facts, c.exam, c.at)
    counts.set(code, (counts.get(code) ?? 0) + 1)
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ${pct(n / cases.length)}`)
    .join(', ')
}

export async function runEngineBench(options: EngineOptions): Promise<TargetResult[]> {
  const scale = options.duration / 10
  const nominal = Math.max(300_000, Math.round(3_000_000 * scale))
  const maxSeconds = Math.max(1, 2.5 * scale)

  heading('engine: decideRetake in memory')
  const realistic = realisticCases(10_000)
  const attemptCounts = realistic.map((c) => c.facts.attempts.length)
  const own = realistic.map(
    (c) => c.facts.attempts.filter((a) => a.exam === c.exam.number && a.takenAt <= c.at).length,
  )
  console.log(
    `  inputs: ${int(realistic.length)} candidates, ${dec(mean(own))} attempts at the exam asked ` +
      `(0–${Math.max(...own)}), ${dec(mean(attemptCounts))} in all; policies general/mta-mce/mos`,
  )
  console.log(`  decisions: ${codeMix(realistic)}`)

  const rows: string[][] = [['history', 'evaluations', 'engine', '|', 'ceiling loop', 'ratio']]
  const real = throughput(realistic, nominal, maxSeconds)
  rows.push(row('10,000 realistic candidates', real))
  const withinCases = fiveAttemptCases('within-limit')
  const within = throughput(withinCases, nominal, maxSeconds)
  rows.push(row('fixed 5-attempt history, within limit', within))
  const limitCases = fiveAttemptCases('limit-reached')
  const limit = throughput(limitCases, nominal, maxSeconds)
  rows.push(row('fixed 5-attempt history, limit reached', limit))
  console.log()
  printTable(rows, 'lrrlrr')
  console.log(`  within limit: ${codeMix(withinCases)}; limit reached: ${codeMix(limitCases)}`)

  // What the API pays: the sentence is written where it is shown, and it formats times.
  const reasonCount = countFor(timeDecisionsWithReason, realistic, Math.max(0.3, 0.8 * scale))
  sink += timeDecisionsWithReason(realistic, Math.min(reasonCount, 20_000)).sum
  const withReason = timeDecisionsWithReason(realistic, reasonCount)
  sink += withReason.sum
  const reasonPerSecond = (reasonCount * 1e9) / withReason.ns
  console.log()
  printTable(
    [
      ['with retakeReason(decision) (as the API does)', 'evaluations', 'engine', '|', 'vs without'],
      [
        '10,000 realistic candidates',
        int(reasonCount),
        `${int(reasonPerSecond)} evals/s`,
        '|',
        `${pct(reasonPerSecond / real.perSecond)}`,
      ],
    ],
    'lrrlr',
  )

  // (b) growth with the length of the history.
  console.log()
  const growth: string[][] = [
    ['attempts in history', 'evaluations', 'ns/eval', 'evals/s', '× 1-attempt'],
  ]
  let base = 0
  for (const length of [1, 10, 100, 1000]) {
    const cases = historyCases(length)
    sink += timeDecisions(cases, Math.max(200, Math.floor(20_000 / length))).sum
    const count = countFor(timeDecisions, cases, Math.max(0.3, 0.6 * scale))
    const perRound = Math.max(1, Math.floor(count / 3))
    let bestNs = Number.POSITIVE_INFINITY
    for (let round = 0; round < 3; round++) {
      const timed = timeDecisions(cases, perRound)
      sink += timed.sum
      bestNs = Math.min(bestNs, timed.ns / perRound)
    }
    if (length === 1) base = bestNs
    growth.push([
      `${int(length)} (general policy)`,
      int(perRound * 3),
      dec(bestNs),
      int(1e9 / bestNs),
      `${dec(bestNs / base)}×`,
    ])
  }
  printTable(growth)
  if (sink === 0.5) console.log('') // consumes the sink; never true

  const target = (label: string, result: Throughput): TargetResult => ({
    target: `engine ≥ ${int(ENGINE_TARGET_PER_SECOND)} evals/s, 5-attempt history ${label}`,
    figure: `${int(result.perSecond)} evals/s (ceiling ${int(result.ceilingPerSecond)} it/s, ${pct(result.perSecond / result.ceilingPerSecond)})`,
    pass: result.perSecond >= ENGINE_TARGET_PER_SECOND,
  })
  return [target('within limit', within), target('limit reached', limit)]
}

function row(label: string, result: Throughput): string[] {
  return [
    label,
    int(result.count),
    `${int(result.perSecond)} evals/s`,
    '|',
    `${int(result.ceilingPerSecond)} it/s`,
    pct(result.perSecond / result.ceilingPerSecond),
  ]
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length
}
