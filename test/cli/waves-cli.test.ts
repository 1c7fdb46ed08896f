import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliDatabase, cliEngines, openCliDatabase } from './cli-database.js'
import { type CliRun, describeRun, runCli } from './run-cli.js'

/** The wave id `examdesk waves …` printed first: `Wave <id> (…`. */
function waveIdOf(run: CliRun): string {
  const match = /^Wave (\S+) \(/m.exec(run.stdout)
  if (!match) throw new Error(`no wave in the output\n${describeRun(run)}`)
  return match[1]!
}

/** The README's wave commands, as written there, on the demo data. */
describe.each(cliEngines())('the README’s invitation wave commands on the demo (%s)', (engine) => {
  let directory: string
  let database: CliDatabase
  const examdesk = (...args: string[]) => runCli(args, { DATABASE_URL: database.url })

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'examdesk-cli-waves-'))
    database = await openCliDatabase(engine)
    const demo = await examdesk('demo')
    expect(demo.code, describeRun(demo)).toBe(0)
    await writeFile(join(directory, 'invitees.csv'), 'candidateId\ncand-ana\ncand-kenji\n')
  })
  afterAll(async () => {
    await database?.close()
    await rm(directory, { recursive: true, force: true })
  })

  it('composes and opens a list wave; a retake wave that cannot work is withdrawn', async () => {
    const composed = await examdesk(
      'waves',
      'compose',
      '--exam',
      '71-621',
      '--name',
      'first',
      '--audience',
      'list',
      '--for',
      join(directory, 'invitees.csv'),
    )
    expect(composed.code, describeRun(composed)).toBe(0)
    const first = waveIdOf(composed)
    const opened = await examdesk('waves', 'open', '--wave', first)
    expect(opened.code, describeRun(opened)).toBe(0)
    expect(opened.stdout).toContain('): open')

    const retakes = await examdesk(
      'waves',
      'compose',
      '--exam',
      '71-621',
      '--name',
      'retakes',
      '--audience',
      'retake',
      '--hours-after-previous',
      '0',
    )
    expect(retakes.code, describeRun(retakes)).toBe(0)
    const second = waveIdOf(retakes)
    const refused = await examdesk('waves', 'open', '--wave', second)
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('BETA_ALREADY_TAKEN')
    const withdrawn = await examdesk('waves', 'withdraw', '--wave', second)
    expect(withdrawn.code, describeRun(withdrawn)).toBe(0)
    expect(withdrawn.stdout).toContain('): withdrawn')
  })
})
