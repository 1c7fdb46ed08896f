import { describe, expect, it } from 'vitest'
import { createCentre } from '../../src/app/catalogue/create-centre.js'
import { type GenerateSlotsInput, generateSlots } from '../../src/app/catalogue/generate-slots.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { findSlot } from '../../src/db/catalogue/slots.js'
import { formatInZone, type Instant } from '../../src/domain/instant.js'
import { testDatabases } from '../support/databases.js'
import { type AppDeps, iso, NOW, refusalOf, useApp } from './scenario.js'

const AUCKLAND = {
  id: 'akl-gen',
  provider: 'pearson-vue',
  name: 'Auckland',
  address: '1 Queen Street',
  city: 'Auckland',
  country: 'NZ',
  latitude: -36.85,
  longitude: 174.76,
  timeZone: 'Pacific/Auckland',
}
const LOS_ANGELES = {
  ...AUCKLAND,
  id: 'lax-gen',
  provider: 'prometric',
  city: 'Los Angeles',
  country: 'US',
  latitude: 34.05,
  longitude: -118.24,
  timeZone: 'America/Los_Angeles',
}

/** Every slot of a centre, oldest first. */
async function slotsAt({ db }: AppDeps, centreId: string) {
  const rows = await db
    .selectFrom('slots')
    .select(['id'])
    .where('centre_id', '=', centreId)
    .orderBy('starts_at')
    .execute()
  return Promise.all(rows.map(async (row) => (await findSlot(db, row.id))!))
}

const wall = (instants: readonly Instant[], zone: string) =>
  instants.map((instant) => formatInZone(instant, zone))

describe.each(testDatabases())('generating slots on $name', ({ open }) => {
  const { deps } = useApp(open)

  async function centres() {
    await loadDemo(deps(), false)
    await createCentre(deps(), AUCKLAND)
    await createCentre(deps(), LOS_ANGELES)
  }

  it('keeps 09:00 and 13:00 on the Auckland clock across the start of daylight saving', async () => {
    await centres()
    const result = await generateSlots(deps(), {
      centreId: 'akl-gen',
      from: '2026-09-25',
      to: '2026-09-29',
      every: '4h',
      daily: '09:00-14:00',
      capacity: 12,
    })
    expect(result).toMatchObject({ requested: 8, created: 8, existing: 0 })
    expect(result.centre.id).toBe('akl-gen')
    const slots = await slotsAt(deps(), 'akl-gen')
    expect(
      wall(
        slots.map((slot) => slot.startsAt),
        'Pacific/Auckland',
      ),
    ).toEqual([
      '2026-09-25T09:00 Pacific/Auckland',
      '2026-09-25T13:00 Pacific/Auckland',
      '2026-09-26T09:00 Pacific/Auckland',
      '2026-09-26T13:00 Pacific/Auckland',
      '2026-09-27T09:00 Pacific/Auckland',
      '2026-09-27T13:00 Pacific/Auckland',
      '2026-09-28T09:00 Pacific/Auckland',
      '2026-09-28T13:00 Pacific/Auckland',
    ])
    // UTC moves by the hour the clocks went forward.
    expect(iso(slots[2]!.startsAt)).toBe('2026-09-25T21:00:00.000Z')
    expect(iso(slots[4]!.startsAt)).toBe('2026-09-26T20:00:00.000Z')
    expect(slots.every((slot) => slot.capacity === 12 && slot.booked === 0)).toBe(true)
    expect(result.first).toBe(slots[0]!.startsAt)
    expect(result.last).toBe(slots[7]!.startsAt)
  })

  it('keeps 09:00 on the Los Angeles clock across the end of daylight saving, weekdays only', async () => {
    await centres()
    await generateSlots(deps(), {
      centreId: 'lax-gen',
      from: '2026-10-29',
      to: '2026-11-04',
      every: '2h',
      daily: '09:00-10:00',
      days: 'mon-fri',
    })
    const slots = await slotsAt(deps(), 'lax-gen')
    expect(
      wall(
        slots.map((slot) => slot.startsAt),
        'America/Los_Angeles',
      ),
    ).toEqual([
      '2026-10-29T09:00 America/Los_Angeles',
      '2026-10-30T09:00 America/Los_Angeles',
      '2026-11-02T09:00 America/Los_Angeles',
      '2026-11-03T09:00 America/Los_Angeles',
    ])
    expect(slots.map((slot) => iso(slot.startsAt))).toEqual([
      '2026-10-29T16:00:00.000Z',
      '2026-10-30T16:00:00.000Z',
      '2026-11-02T17:00:00.000Z',
      '2026-11-03T17:00:00.000Z',
    ])
    expect(slots.every((slot) => slot.capacity === 20)).toBe(true)
  })

  it('is idempotent: the same generation again creates nothing, a wider one only the gap', async () => {
    await centres()
    const input: GenerateSlotsInput = {
      centreId: 'akl-gen',
      from: '2026-07-01T00:00:00+12:00',
      to: '2026-07-08T00:00:00+12:00',
      every: '2h',
      daily: '09:00-17:00',
      days: 'mon-fri',
    }
    expect(await generateSlots(deps(), input)).toMatchObject({ requested: 20, created: 20 })
    const before = await slotsAt(deps(), 'akl-gen')
    expect(await generateSlots(deps(), { ...input, capacity: 3 })).toMatchObject({
      requested: 20,
      created: 0,
      existing: 20,
    })
    // Existing slots keep their seats.
    expect(await slotsAt(deps(), 'akl-gen')).toEqual(before)
    expect(
      await generateSlots(deps(), { ...input, to: '2026-07-09T00:00:00+12:00' }),
    ).toMatchObject({ requested: 24, created: 4, existing: 20 })
  })

  it('creates no slot before now, and reports progress', async () => {
    await centres()
    const progress: [number, number][] = []
    const result = await generateSlots(
      deps(),
      {
        centreId: 'akl-gen',
        from: iso(NOW - 6 * 3_600_000),
        to: iso(NOW + 6 * 3_600_000),
        every: '1h',
      },
      { onProgress: (done, total) => progress.push([done, total]) },
    )
    expect(result).toMatchObject({ requested: 6, created: 6, first: NOW })
    expect(progress).toEqual([[6, 6]])
  })

  it('refuses impossible schedules, naming the field', async () => {
    await centres()
    const base: GenerateSlotsInput = {
      centreId: 'akl-gen',
      from: '2026-08-01',
      to: '2026-08-08',
      every: '2h',
    }
    const refused = async (overrides: Partial<GenerateSlotsInput>) => {
      const { code, field } = await refusalOf(generateSlots(deps(), { ...base, ...overrides }))
      return [code, field]
    }
    expect(await refused({ centreId: 'nowhere' })).toEqual(['CENTRE_NOT_FOUND', 'centre'])
    expect(await refused({ from: 'August' })).toEqual(['INSTANT_INVALID', 'from'])
    expect(await refused({ to: '2026-08-01' })).toEqual(['SLOT_SCHEDULE_INVALID', 'to'])
    expect(await refused({ to: '2028-09-01' })).toEqual(['SLOT_SCHEDULE_INVALID', 'to'])
    expect(await refused({ every: 'often' })).toEqual(['SLOT_SCHEDULE_INVALID', 'every'])
    expect(await refused({ every: '1m' })).toEqual(['SLOT_SCHEDULE_INVALID', 'every'])
    expect(await refused({ every: '1d', daily: '09:00-17:00' })).toEqual([
      'SLOT_SCHEDULE_INVALID',
      'every',
    ])
    expect(await refused({ daily: '17:00-09:00' })).toEqual(['SLOT_SCHEDULE_INVALID', 'daily'])
    expect(await refused({ days: 'weekdays' })).toEqual(['SLOT_SCHEDULE_INVALID', 'days'])
    expect(await refused({ capacity: 0 })).toEqual(['SLOT_SCHEDULE_INVALID', 'capacity'])
    expect(await refused({ capacity: 1001 })).toEqual(['SLOT_SCHEDULE_INVALID', 'capacity'])
    expect(await refused({ to: '2028-06-01', every: '5m' })).toEqual([
      'SLOT_SCHEDULE_INVALID',
      'every',
    ])
    expect(await slotsAt(deps(), 'akl-gen')).toEqual([])
  })
})
