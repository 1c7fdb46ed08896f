import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../src/app/access/api-tokens.js'
import { fixedClock } from '../../src/app/clock.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { parseInstant } from '../../src/domain/instant.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { type CliDatabase, cliEngines, openCliDatabase } from './cli-database.js'
import { describeRun, runCli } from './run-cli.js'

const NOW = parseInstant('2026-06-15T12:00:00Z')!

describe.each(cliEngines())('examdesk eligibility on %s', (engine) => {
  let database: CliDatabase
  const clock = fixedClock(NOW)

  beforeAll(async () => {
    database = await openCliDatabase(engine)
    await loadDemo({ db: database.db, clock }, true)
  })
  afterAll(async () => {
    await database?.close()
  })

  const eligibility = (...args: string[]) =>
    runCli(['eligibility', ...args], { DATABASE_URL: database.url }, { clock })

  it('exits 3 when the answer is "not eligible", with the rule, the earliest date and why', async () => {
    const ana = await eligibility('--candidate', 'cand-ana', '--exam', '70-620')
    expect(ana.code, describeRun(ana)).toBe(3)
    expect(ana.stderr).toBe('')
    expect(ana.stdout).toMatch(/^NOT ELIGIBLE +RETAKE_TOO_SOON$/m)
    expect(ana.stdout).toMatch(/^exam: +070-620 TS: Configuring Windows Vista Client$/m)
    expect(ana.stdout).toMatch(/^earliest: +\S+Z \(\S+ Pacific\/Auckland\)$/m)
    expect(ana.stdout).toMatch(/^policy: +.+\(general v2\)$/m)
    expect(ana.stdout).toMatch(/^reason: +You did not pass 070-620 .+ wait 14 days, .+\.$/m)
  })

  it('exits 0 when eligible, and 1 for a question it cannot answer', async () => {
    const kenji = await eligibility('--candidate', 'cand-kenji', '--exam', '70-620')
    expect(kenji.code, describeRun(kenji)).toBe(0)
    expect(kenji.stdout).toMatch(/^ELIGIBLE +ELIGIBLE$/m)

    const malformed = await eligibility('--candidate', 'cand-ana', '--exam', '7O-620')
    expect(malformed.code, describeRun(malformed)).toBe(1)
    expect(malformed.stderr).toContain('"7O-620" is not an exam number')
  })

  it('--json prints the decision exactly as the API answers it', async () => {
    const app = await buildExamdeskApp({ db: database.db, clock })
    try {
      const { token } = await createToken(
        { db: database.db, clock },
        { role: 'support', label: 'cli test' },
      )
      for (const candidate of ['cand-ana', 'cand-ben', 'cand-kenji']) {
        const run = await eligibility('--candidate', candidate, '--exam', '70-680', '--json')
        const api = await app.inject({
          method: 'GET',
          url: `/v1/candidates/${candidate}/eligibility?exam=70-680`,
          headers: { authorization: `Bearer ${token}` },
        })
        expect(api.statusCode).toBe(200)
        expect(JSON.parse(run.stdout)).toEqual(api.json())
        expect(run.code, describeRun(run)).toBe(api.json().eligible ? 0 : 3)
      }
    } finally {
      await app.close()
    }
  })
})
