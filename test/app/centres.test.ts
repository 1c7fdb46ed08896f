import { describe, expect, it } from 'vitest'
import { operatorPrincipal } from '../../src/app/actor.js'
import { type CreateCentreInput, createCentre } from '../../src/app/catalogue/create-centre.js'
import { getCentre } from '../../src/app/catalogue/get-centre.js'
import { type CentreImportRow, importCentres } from '../../src/app/catalogue/import-centres.js'
import { listCentres } from '../../src/app/catalogue/list-centres.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { testDatabases } from '../support/databases.js'
import { refusalOf, useSuiteDatabase } from './scenario.js'

/** A page that holds every centre of these tests. */
const ALL = { limit: 200, offset: 0 }

const WELLINGTON: CreateCentreInput = {
  id: 'wlg-test',
  provider: 'prometric',
  name: 'Prometric Wellington',
  address: '10 Brandon Street, Wellington 6011',
  city: 'Wellington',
  country: 'nz',
  latitude: -41.2835,
  longitude: 174.7771,
  timeZone: 'pacific/auckland',
}

describe.each(testDatabases())('test centres on $name', ({ open }) => {
  // Tests use their own centre ids: one database (with the demo) for the suite.
  const { deps } = useSuiteDatabase(open, (deps) => loadDemo(deps))

  it('adds a centre, with its country and zone in their canonical spelling', async () => {
    const centre = await createCentre(deps(), WELLINGTON)
    expect(centre).toEqual({
      id: 'wlg-test',
      providerId: 'prometric',
      name: 'Prometric Wellington',
      address: '10 Brandon Street, Wellington 6011',
      city: 'Wellington',
      country: 'NZ',
      latitude: -41.2835,
      longitude: 174.7771,
      timeZone: 'Pacific/Auckland',
    })
    expect(await getCentre(deps(), 'wlg-test')).toEqual(centre)
    // Without an id it gets a new one.
    const { id } = await createCentre(deps(), { ...WELLINGTON, id: undefined as never })
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('refuses a bad country, zone, position, provider, name, id, and a duplicate', async () => {
    const refused = async (overrides: Partial<Record<keyof CreateCentreInput, unknown>>) => {
      const { code, field } = await refusalOf(
        createCentre(deps(), { ...WELLINGTON, id: 'refused', ...overrides } as CreateCentreInput),
      )
      return { code, field }
    }
    expect(await refused({ country: 'XX' })).toEqual({ code: 'COUNTRY_INVALID', field: 'country' })
    expect(await refused({ timeZone: 'Middle/Earth' })).toEqual({
      code: 'TIME_ZONE_INVALID',
      field: 'timeZone',
    })
    expect(await refused({ timeZone: '+12:00' })).toEqual({
      code: 'TIME_ZONE_INVALID',
      field: 'timeZone',
    })
    for (const latitude of [90.5, -91, Number.NaN, Number.POSITIVE_INFINITY, 'north', '']) {
      expect(await refused({ latitude }), String(latitude)).toEqual({
        code: 'POSITION_INVALID',
        field: 'latitude',
      })
    }
    expect(await refused({ longitude: 180.01 })).toEqual({
      code: 'POSITION_INVALID',
      field: 'longitude',
    })
    expect(await refused({ provider: 'nobody' })).toEqual({
      code: 'PROVIDER_UNKNOWN',
      field: 'provider',
    })
    expect(await refused({ name: ' ' })).toEqual({ code: 'VALIDATION_FAILED', field: 'name' })
    expect(await refused({ id: 'has space' })).toEqual({ code: 'VALIDATION_FAILED', field: 'id' })
    expect(await refused({ id: 'akl-prometric' })).toEqual({
      code: 'CENTRE_ALREADY_EXISTS',
      field: 'id',
    })
    // The edges of the map are places too.
    expect(
      await createCentre(deps(), { ...WELLINGTON, id: 'edge', latitude: '-90', longitude: 180 }),
    ).toMatchObject({ latitude: -90, longitude: 180 })
  })

  it("lists every centre or one provider's, and refuses an unknown provider", async () => {
    const prometric = (
      await listCentres(deps(), { provider: 'prometric' }, ALL, operatorPrincipal('test'))
    ).items
    expect(prometric.length).toBeGreaterThanOrEqual(7)
    expect(prometric.every((centre) => centre.providerId === 'prometric')).toBe(true)
    expect((await listCentres(deps(), {}, ALL, operatorPrincipal('test'))).total).toBeGreaterThan(
      prometric.length,
    )
    expect(
      await refusalOf(listCentres(deps(), { provider: 'nobody' }, ALL, operatorPrincipal('test'))),
    ).toMatchObject({
      code: 'PROVIDER_UNKNOWN',
      field: 'provider',
    })
    expect(await refusalOf(getCentre(deps(), 'nowhere'))).toMatchObject({
      code: 'CENTRE_NOT_FOUND',
      field: 'id',
    })
  })

  it('imports centres from rows, all or nothing, naming each bad line', async () => {
    const row = (line: number, fields: Record<string, string>): CentreImportRow => ({
      line,
      fields: {
        provider: 'pearson-vue',
        name: `Imported ${line}`,
        address: `${line} Import Road`,
        city: 'Christchurch',
        country: 'NZ',
        latitude: '-43.5321',
        longitude: '172.6362',
        timeZone: 'Pacific/Auckland',
        ...fields,
      },
    })
    const before = (await listCentres(deps(), {}, ALL, operatorPrincipal('test'))).total
    const refusal = await refusalOf(
      importCentres(deps(), [
        row(2, { id: 'imp-a' }),
        row(3, { id: 'imp-b', latitude: '-143.5' }),
        row(4, { id: 'imp-a' }),
        row(5, { id: 'imp-c', timeZone: 'Christchurch' }),
        row(6, { id: 'imp-d', provider: 'nobody' }),
      ]),
    )
    expect(refusal.code).toBe('IMPORT_INVALID')
    expect(
      (refusal.facts.problems as { line: number; field: string; code: string }[]).map(
        ({ line, field, code }) => ({ line, field, code }),
      ),
    ).toEqual([
      { line: 3, field: 'latitude', code: 'POSITION_INVALID' },
      { line: 4, field: 'id', code: 'CENTRE_ALREADY_EXISTS' },
      { line: 5, field: 'timeZone', code: 'TIME_ZONE_INVALID' },
      { line: 6, field: 'provider', code: 'PROVIDER_UNKNOWN' },
    ])
    expect((await listCentres(deps(), {}, ALL, operatorPrincipal('test'))).total).toBe(before)

    expect(
      await importCentres(deps(), [row(2, { id: 'imp-a' }), row(3, {}), row(4, { id: 'imp-b' })]),
    ).toEqual({ imported: 3 })
    expect((await listCentres(deps(), {}, ALL, operatorPrincipal('test'))).total).toBe(before + 3)
    expect(await getCentre(deps(), 'imp-b')).toMatchObject({
      city: 'Christchurch',
      latitude: -43.5321,
    })
    // Importing the same ids again is refused, line by line.
    const again = await refusalOf(importCentres(deps(), [row(2, { id: 'imp-a' })]))
    expect(again.facts.problems).toMatchObject([{ line: 2, code: 'CENTRE_ALREADY_EXISTS' }])
  })
})
