/**
 * The eligibility endpoint under load, on SQLite, beside its ceiling: a bare
 * Fastify hello-world served by the same process, loaded the same way
 * (autocannon, 50 connections, 127.0.0.1) one after the other. The two
 * alternate for `ROUNDS` rounds, each pair judged on its own ratio, and the
 * target on the median ratio: on a shared machine a slow spell then spoils
 * one pair, not the verdict.
 *
 * By default the servers run in a child process (bench/eligibility-server.ts)
 * so that autocannon's own CPU does not share their event loop; with
 * `inProcess` they run in this process, beside autocannon.
 * `BENCH_CPU_PROF=<dir>` runs the child with `--cpu-prof` and writes its
 * profile there.
 */
import autocannon from 'autocannon'
import { type BenchServers, startBenchServers } from './eligibility-server.js'
import { heading, int, ms, pct, printTable, type TargetResult } from './format.js'
import { firstLine, spawnServerChild, stopChild } from './server-child.js'

export interface EligibilityOptions {
  /** Seconds each measured autocannon run lasts. */
  readonly duration: number
  /** Run the servers in this process instead of a child process. */
  readonly inProcess: boolean
}

export const ELIGIBILITY_TARGET_RATIO = 0.5
const CONNECTIONS = 50
const ROUNDS = 3

/** Demo candidates and an exam each, one per story the engine tells; rotated by every connection. */
const QUESTIONS: readonly [candidate: string, exam: string][] = [
  ['cand-ana', '70-620'],
  ['cand-ben', '70-680'],
  ['cand-priya', '70-685'],
  ['cand-jonas', '98-349'],
  ['cand-chloe', '70-622'],
  ['cand-lucas', '71-621'],
  ['cand-amara', '77-727'],
  ['cand-kenji', '70-640'],
]
const PATHS = QUESTIONS.map(
  ([candidate, exam]) => `/v1/candidates/${candidate}/eligibility?exam=${exam}`,
)

interface Load {
  readonly label: string
  readonly requestsPerSecond: number
  readonly total: number
  readonly p50: number
  readonly p99: number
  readonly non2xx: number
  readonly errors: number
}

export async function runEligibilityBench(options: EligibilityOptions): Promise<TargetResult[]> {
  heading('eligibility: GET /v1/candidates/:id/eligibility on SQLite, under load')
  const mode = options.inProcess
    ? 'servers in this process, beside autocannon (they share its event loop and CPU)'
    : 'servers in a child process; autocannon in this one'
  console.log(`  mode: ${mode}`)

  const servers = options.inProcess ? await inProcessServers() : await childServers()
  try {
    const auth = { authorization: `Bearer ${servers.token}` }
    await preflight(servers, auth)

    const warm = Math.max(1, Math.min(2, Math.round(options.duration / 5)))
    console.log(
      `  load: ${CONNECTIONS} connections, ${warm} s warm-up each, then ${ROUNDS} rounds of ` +
        `${options.duration} s hello-world and ${options.duration} s eligibility`,
    )
    const hello = { url: `${servers.helloUrl}/hello` }
    const eligibility = {
      url: `${servers.appUrl}${PATHS[0]}`,
      headers: auth,
      requests: PATHS.map((path) => ({ method: 'GET' as const, path })),
    }
    await load('warm-up', { ...hello, duration: warm }, false)
    await load('warm-up', { ...eligibility, duration: warm }, false)

    const rounds: { hello: Load; app: Load; ratio: number }[] = []
    for (let round = 1; round <= ROUNDS; round++) {
      const ceiling = await load(`${round}: GET /hello (bare Fastify: ceiling)`, {
        ...hello,
        duration: options.duration,
      })
      const app = await load(`${round}: GET eligibility (${PATHS.length} candidates in turn)`, {
        ...eligibility,
        duration: options.duration,
      })
      const ratio = app.requestsPerSecond / ceiling.requestsPerSecond
      rounds.push({ hello: ceiling, app, ratio })
      console.log(
        `  round ${round}: eligibility ${int(app.requestsPerSecond)} req/s | ceiling hello ` +
          `${int(ceiling.requestsPerSecond)} req/s | ratio ${pct(ratio)}`,
      )
    }

    console.log()
    printTable([
      ['round: endpoint', 'req/s (avg)', 'requests', 'p50', 'p99', 'non-2xx', 'errors'],
      ...rounds.flatMap(({ hello, app }) =>
        [hello, app].map((r) => [
          r.label,
          int(r.requestsPerSecond),
          int(r.total),
          ms(r.p50),
          ms(r.p99),
          int(r.non2xx),
          int(r.errors),
        ]),
      ),
    ])
    const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(ROUNDS / 2)]!
    console.log(
      `\n  median round: eligibility ${int(median.app.requestsPerSecond)} req/s | ceiling hello ` +
        `${int(median.hello.requestsPerSecond)} req/s | ratio ${pct(median.ratio)} ` +
        `(rounds: ${rounds.map((r) => pct(r.ratio)).join(', ')})`,
    )
    return [
      {
        target: `eligibility ≥ ${pct(ELIGIBILITY_TARGET_RATIO)} of hello-world req/s`,
        figure:
          `${pct(median.ratio)} median of ${ROUNDS} rounds (${int(median.app.requestsPerSecond)} vs ` +
          `${int(median.hello.requestsPerSecond)} req/s, ${options.inProcess ? 'in-process' : 'child process'})`,
        pass: median.ratio >= ELIGIBILITY_TARGET_RATIO,
      },
    ]
  } finally {
    await servers.close()
  }
}

/** One request to each URL first: all must answer 200, or the load figures would mean nothing. */
async function preflight(servers: BenchServers, auth: Record<string, string>): Promise<void> {
  const hello = await fetch(`${servers.helloUrl}/hello`)
  if (hello.status !== 200) throw new Error(`GET /hello answered ${hello.status}`)
  const seen: string[] = []
  for (const path of PATHS) {
    const response = await fetch(`${servers.appUrl}${path}`, { headers: auth })
    const body = (await response.json()) as { code?: string }
    if (response.status !== 200) {
      throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(body)}`)
    }
    seen.push(`${path.split('/')[3]} ${body.code}`)
  }
  console.log(`  answers: ${seen.join(', ')}`)
}

async function load(
  label: string,
  options: Omit<autocannon.Options, 'connections'>,
  keep = true,
): Promise<Load> {
  const result = await autocannon({ ...options, connections: CONNECTIONS })
  const failed = result.non2xx + result.errors + result.timeouts
  if (failed > 0) {
    throw new Error(
      `${label}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ` +
        `${result.timeouts} timeouts (status codes: ${JSON.stringify(result.statusCodeStats ?? {})})`,
    )
  }
  if (keep && result.requests.total === 0) throw new Error(`${label}: no request completed`)
  return {
    label,
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  }
}

async function inProcessServers(): Promise<BenchServers> {
  return startBenchServers()
}

/** Starts bench/eligibility-server.ts as a child and reads its ports and token; closes only that child. */
async function childServers(): Promise<BenchServers> {
  const profileDir = process.env.BENCH_CPU_PROF
  const child = spawnServerChild('./eligibility-server.js')
  try {
    const info = await firstLine(child, 60_000)
    const parsed = JSON.parse(info) as { helloUrl: string; appUrl: string; token: string }
    console.log(
      `  child: pid ${child.pid}, hello ${parsed.helloUrl}, api ${parsed.appUrl}` +
        (profileDir ? ` (CPU profile to ${profileDir})` : ''),
    )
    return { ...parsed, close: () => stopChild(child) }
  } catch (error) {
    await stopChild(child)
    throw error
  }
}
