import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/app/clock.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { findSlot } from '../../src/db/catalogue/slots.js'
import { listCentres } from '../../src/db/catalogue/test-centres.js'
import { formatInZone } from '../../src/domain/instant.js'
import { type CliDatabase, cliEngines, openCliDatabase } from './cli-database.js'
import { describeRun, runCli } from './run-cli.js'

/**
 * `examdesk import centres FILE.csv` and `examdesk slots generate`, end to
 * end. The CLI reads the real clock, so the schedule is next year's.
 */
describe.each(cliEngines())('examdesk import centres and slots generate on %s', (engine) => {
  let directory: string
  let database: CliDatabase
  let env: Record<string, string>
  const year = new Date(Date.now()).getUTCFullYear() + 1

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'examdesk-slots-'))
    database = await openCliDatabase(engine)
    env = { DATABASE_URL: database.url }
    await loadDemo({ db: database.db, clock: fixedClock(Date.now()) }, true)
  })
  afterAll(async () => {
    await database?.close()
    await rm(directory, { recursive: true, force: true })
  })

  const listAllCentres = () => listCentres(database.db, {}, { limit: 200, offset: 0 })

  async function importFile(name: string, lines: readonly string[]) {
    const file = join(directory, name)
    await writeFile(file, `${lines.join('\n')}\n`)
    return { file, run: await runCli(['import', 'centres', file], env) }
  }

  const HEADER = 'id,provider,name,address,city,country,latitude,longitude,timeZone'

  it('imports centres from CSV, or refuses the whole file naming every bad line', async () => {
    const before = await listAllCentres()
    const bad = await importFile('bad.csv', [
      HEADER,
      'dud-ok,prometric,Fine,"1 Main Road, Hamilton",Hamilton,NZ,-37.787,175.279,Pacific/Auckland',
      'dud-lat,prometric,Lat,2 Main Road,Hamilton,NZ,-97.787,175.279,Pacific/Auckland',
      'dud-zone,prometric,Zone,3 Main Road,Hamilton,NZ,-37.787,175.279,NZST',
    ])
    expect(bad.run.code, describeRun(bad.run)).toBe(1)
    expect(bad.run.stderr).toMatch(/Nothing was imported: 2 row\(s\) have problems/)
    expect(bad.run.stderr).toMatch(/line 3 \(latitude\): "-97\.787" is not a position/)
    expect(bad.run.stderr).toMatch(/line 4 \(timeZone\): "NZST" is not an IANA time zone/)
    expect(await listAllCentres()).toHaveLength(before.length)

    const good = await importFile('good.csv', [
      HEADER,
      'ham-pv,pearson-vue,Pearson VUE Hamilton,"1 Victoria Street, Hamilton 3204",Hamilton,NZ,-37.787,175.279,Pacific/Auckland',
      ',prometric,Prometric Dunedin,10 George Street,Dunedin,nz,-45.874,170.503,Pacific/Auckland',
    ])
    expect(good.run.code, describeRun(good.run)).toBe(0)
    expect(good.run.stdout).toBe(`Imported 2 test centres from ${good.file}.\n`)
    const after = await listAllCentres()
    expect(after).toHaveLength(before.length + 2)
    expect(after.find((centre) => centre.id === 'ham-pv')).toMatchObject({
      address: '1 Victoria Street, Hamilton 3204',
      latitude: -37.787,
    })
    expect(after.find((centre) => centre.city === 'Dunedin')).toMatchObject({ country: 'NZ' })
  })

  it("generates a centre's slots on its clock, again without doubling them, and refuses a bad schedule", async () => {
    const args = [
      'slots',
      'generate',
      '--centre',
      'akl-prometric',
      '--from',
      `${year}-03-02`,
      '--to',
      `${year}-03-07`,
      '--every',
      '2h',
      '--daily',
      '09:00-17:00',
      '--capacity',
      '7',
    ]
    const first = await runCli(args, env)
    expect(first.code, describeRun(first)).toBe(0)
    expect(first.stdout).toMatch(
      new RegExp(
        `^Created 20 slots at akl-prometric; 0 already existed, from \\S+Z \\(${year}-03-02T09:00 Pacific/Auckland\\) to \\S+Z \\(${year}-03-06T15:00 Pacific/Auckland\\)\\.\\n$`,
      ),
    )
    const rows = await database.db
      .selectFrom('slots')
      .select('id')
      .where('centre_id', '=', 'akl-prometric')
      .where('capacity', '=', 7) // no demo centre has 7 seats
      .execute()
    const stored = await Promise.all(rows.map(async ({ id }) => (await findSlot(database.db, id))!))
    expect(stored).toHaveLength(20)
    const times = new Set(
      stored.map((slot) => formatInZone(slot.startsAt, 'Pacific/Auckland').slice(11, 16)),
    )
    expect([...times].sort()).toEqual(['09:00', '11:00', '13:00', '15:00'])

    const again = await runCli(args, env)
    expect(again.code, describeRun(again)).toBe(0)
    expect(again.stdout).toMatch(/^Created 0 slots at akl-prometric; 20 already existed/)

    const bad = await runCli(
      [
        'slots',
        'generate',
        '--centre',
        'akl-prometric',
        '--from',
        `${year}-03-02`,
        '--to',
        `${year}-03-07`,
        '--every',
        'often',
      ],
      env,
    )
    expect(bad.code, describeRun(bad)).toBe(1)
    expect(bad.stderr).toMatch(/every: "often" is not an interval such as 30m, 2h or 1d/)
  })
})
