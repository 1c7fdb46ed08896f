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
 *
 * Beside each rate it prints the server process's CPU time per request
 * (user and system, from /proc, for the child only): a figure the other
 * guests of a shared machine move much less than the rates, which tells a
 * change of our cost from a slow spell of the host.
 */
import { readFileSync } from 'node:fs'
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
const ROUNDS = 5

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
  /** The server process's CPU time per request, µs; undefined when it cannot be read. */
  readonly cpuPerRequest: number | undefined
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
    const cpu = servers.cpuTime
    await load('warm-up', { ...hello, duration: warm }, cpu, false)
    await load('warm-up', { ...eligibility, duration: warm }, cpu, false)

    const rounds: { hello: Load; app: Load; ratio: number }[] = []
    for (let round = 1; round <= ROUNDS; round++) {
      const ceiling = await load(
        `${round}: GET /hello (bare Fastify: ceiling)`,
        { ...hello, duration: options.duration },
        cpu,
      )
      const app = await load(
        `${round}: GET eligibility (${PATHS.length} candidates in turn)`,
        { ...eligibility, duration: options.duration },
        cpu,
      )
      const ratio = app.requestsPerSecond / ceiling.requestsPerSecond
      rounds.push({ hello: ceiling, app, ratio })
      console.log(
        `  round ${round}: eligibility ${int(app.requestsPerSecond)} req/s | ceiling hello ` +
          `${int(ceiling.requestsPerSecond)} req/s | ratio ${pct(ratio)}` +
          cpuCompared(app, ceiling),
      )
    }

    console.log()
    printTable([
      [
        'round: endpoint',
        'req/s (avg)',
        'requests',
        'server CPU/request',
        'p50',
        'p99',
        'non-2xx',
        'errors',
      ],
      ...rounds.flatMap(({ hello, app }) =>
        [hello, app].map((r) => [
          r.label,
          int(r.requestsPerSecond),
          int(r.total),
          r.cpuPerRequest === undefined ? 'n/a' : `${r.cpuPerRequest.toFixed(1)} µs`,
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
  cpuTime: BenchServers['cpuTime'],
  keep = true,
): Promise<Load> {
  const cpuBefore = cpuTime?.()
  const result = await autocannon({ ...options, connections: CONNECTIONS })
  const cpuAfter = cpuTime?.()
  const failed = result.non2xx + result.errors + result.timeouts
  if (failed > 0) {
    throw new Error(
      `${label}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ` +
        `${result.timeouts} timeouts (status codes: ${JSON.stringify(result.statusCodeStats ?? {})})`,
    )
  }
  if (keep && result.requests.total === 0) throw new Error(`${label}: no request completed`)
  const cpuUsed =
    cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore
  return {
    label,
    requestsPerSecond: result.requests.average,
    cpuPerRequest: cpuUsed === undefined ? undefined : cpuUsed / result.requests.total,
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
    const pid = child.pid
    return {
      ...parsed,
      ...(pid === undefined ? {} : { cpuTime: () => processCpuTime(pid) }),
      close: () => stopChild(child),
    }
  } catch (error) {
    await stopChild(child)
    throw error
  }
}

/** The server's CPU time per request of both loads, when it could be read. */
function cpuCompared(app: Load, ceiling: Load): string {
  if (app.cpuPerRequest === undefined || ceiling.cpuPerRequest === undefined) return ''
  return (
    ` | server CPU per request ${app.cpuPerRequest.toFixed(1)} µs vs ` +
    `${ceiling.cpuPerRequest.toFixed(1)} µs`
  )
}

/** Linux's clock ticks per second in /proc (USER_HZ: 100 on every architecture Node runs on). */
const TICKS_PER_SECOND = 100

/** The CPU time, user and system, a process has used so far, in µs; undefined without /proc. */
function processCpuTime(pid: number): number | undefined {
  try {
    // Fields after the command name, which may hold spaces, closed by the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12]) // utime, stime
    return Number.isFinite(ticks) ? (ticks * 1_000_000) / TICKS_PER_SECOND : undefined
  } catch {
    return undefined
  }
}
