/**
 * `npm run bench [-- --only engine|eligibility|slots|search|registrations|codes|wave|wave-rush|web|reports] [--duration SECONDS] [--in-process]`
 *
 * Runs every benchmark in turn; each prints its figures beside their
 * physical ceiling measured in the same run, and the summary at the end
 * judges the targets. Exits 1 when a benchmark fails (not when it misses).
 */
import { parseArgs } from 'node:util'
import { runCandidateSearchBench } from './candidate-search.js'
import { runCodeRedemptionBench } from './code-redemption.js'
import { runEligibilityBench } from './eligibility-http.js'
import { runEngineBench } from './engine.js'
import { heading, printTable, type TargetResult } from './format.js'
import { runRegistrationsBench } from './registrations.js'
import { runReportsBench } from './reports.js'
import { runSlotSearchBench } from './slot-search.js'
import { runWaveBench } from './wave.js'
import { runWaveRushBench } from './wave-rush.js'
import { runWebPagesBench } from './web-pages.js'

const BENCHES = [
  'engine',
  'eligibility',
  'slots',
  'search',
  'registrations',
  'codes',
  'wave',
  'wave-rush',
  'web',
  'reports',
] as const
type BenchName = (typeof BENCHES)[number]

function usage(message: string): never {
  console.error(
    `${message}\nusage: npm run bench -- [--only ${BENCHES.join('|')}] [--duration SECONDS] [--in-process]`,
  )
  process.exit(2)
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        only: { type: 'string' },
        duration: { type: 'string', default: '10' },
        'in-process': { type: 'boolean', default: false },
      },
      strict: true,
    })
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error))
  }
})()

const duration = Number(values.duration)
if (!Number.isFinite(duration) || duration < 1 || duration > 600) {
  usage(`--duration must be a number of seconds from 1 to 600, not "${values.duration}"`)
}
if (values.only !== undefined && !BENCHES.includes(values.only as BenchName)) {
  usage(`--only must be one of ${BENCHES.join(', ')}, not "${values.only}"`)
}
const selected: readonly BenchName[] = values.only ? [values.only as BenchName] : BENCHES

const started = performance.now()
console.log(
  `examdesk benchmarks · node ${process.version} · ${new Date().toISOString()} · duration ${duration} s` +
    ` · ${selected.join(', ')}`,
)

const results: TargetResult[] = []
const failures: string[] = []
for (const name of selected) {
  try {
    if (name === 'engine') results.push(...(await runEngineBench({ duration })))
    else if (name === 'slots') results.push(...(await runSlotSearchBench({ duration })))
    else if (name === 'search') results.push(...(await runCandidateSearchBench({ duration })))
    else if (name === 'registrations') results.push(...(await runRegistrationsBench({ duration })))
    else if (name === 'codes') results.push(...(await runCodeRedemptionBench({ duration })))
    else if (name === 'wave') results.push(...(await runWaveBench()))
    else if (name === 'wave-rush') results.push(...(await runWaveRushBench({ duration })))
    else if (name === 'web') results.push(...(await runWebPagesBench()))
    else if (name === 'reports') results.push(...(await runReportsBench()))
    else results.push(...(await runEligibilityBench({ duration, inProcess: values['in-process'] })))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`\n!! ${name} FAILED: ${message}`)
    failures.push(name)
  }
}

heading('summary')
printTable(
  [
    ['target', 'figure', 'result'],
    ...results.map((r) => [r.target, r.figure, r.pass ? 'PASS' : 'MISS']),
    ...failures.map((name) => [name, 'benchmark failed (see above)', 'FAIL']),
  ],
  'lll',
)
console.log(`\n  ${((performance.now() - started) / 1000).toFixed(1)} s in all`)
process.exitCode = failures.length > 0 ? 1 : 0
