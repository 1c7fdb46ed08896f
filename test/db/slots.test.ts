import { describe, expect, it } from 'vitest'
import {
  addProviderExam,
  findProvider,
  listAllProviderExams,
  listProviderExams,
  providerDelivers,
  setProviderExams,
  updateProviderRules,
} from '../../src/db/catalogue/providers.js'
import {
  findSlot,
  findSlotWithCentre,
  insertSlots,
  listOpenSlotsAt,
  searchOpenSlots,
} from '../../src/db/catalogue/slots.js'
import {
  countCentres,
  findCentre,
  findCentres,
  findCentresDelivering,
  listCentres,
} from '../../src/db/catalogue/test-centres.js'
import { HOUR_MS, parseInstant } from '../../src/domain/instant.js'
import { createExam, createFamily, createProvider, FACTORY_EPOCH } from '../factories/catalogue.js'
import { createCentre, createSlot } from '../factories/centres.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

const at = (text: string) => parseInstant(text)!
const T0 = at('2026-07-01T00:00:00Z')
const hoursAfter = (n: number) => T0 + n * HOUR_MS

describe.each(testDatabases())('providers, centres and slots on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  /** Two providers, two exams: `pearson` delivers both, `prometric` only 070-620. */
  async function network() {
    await createFamily(db())
    const a = await createExam(db(), { number: '070-620' })
    const b = await createExam(db(), { number: '070-680' })
    await createProvider(db(), { id: 'pearson' })
    await createProvider(db(), { id: 'prometric', name: 'Prometric' })
    await setProviderExams(db(), 'pearson', [a.number, b.number])
    await setProviderExams(db(), 'prometric', [a.number])
    return { a, b }
  }

  it("replace, add to and read a provider's exams, and its change rules", async () => {
    const { a, b } = await network()
    expect(await listProviderExams(db(), 'pearson')).toEqual(['070-620', '070-680'])
    expect(await providerDelivers(db(), 'prometric', b.number)).toBe(false)
    await addProviderExam(db(), 'prometric', b.number)
    await addProviderExam(db(), 'prometric', b.number)
    expect(await providerDelivers(db(), 'prometric', b.number)).toBe(true)
    await setProviderExams(db(), 'pearson', [])
    expect(await listProviderExams(db(), 'pearson')).toEqual([])
    expect(await listAllProviderExams(db())).toEqual(new Map([['prometric', [a.number, b.number]]]))
    expect(
      await updateProviderRules(db(), 'prometric', {
        rescheduleCutoffHours: 72,
        cancelCutoffHours: 0,
      }),
    ).toBe(true)
    expect(await findProvider(db(), 'prometric')).toMatchObject({
      rescheduleCutoffHours: 72,
      cancelCutoffHours: 0,
    })
    expect(
      await updateProviderRules(db(), 'nobody', { rescheduleCutoffHours: 1, cancelCutoffHours: 1 }),
    ).toBe(false)
  })

  it('store centres with exact coordinates and list them by provider', async () => {
    await network()
    const auckland = await createCentre(db(), {
      id: 'akl',
      latitude: -36.848461,
      longitude: 174.763336,
    })
    const sydney = await createCentre(db(), {
      id: 'syd',
      providerId: 'prometric',
      city: 'Sydney',
      country: 'AU',
      latitude: -33.8688,
      longitude: 151.2093,
      timeZone: 'Australia/Sydney',
    })
    expect(await findCentre(db(), 'akl')).toEqual(auckland)
    expect(await findCentre(db(), 'nowhere')).toBeNull()
    expect(await listCentres(db(), {}, { limit: 10, offset: 0 })).toEqual([auckland, sydney])
    expect(await listCentres(db(), {}, { limit: 1, offset: 1 })).toEqual([sydney])
    expect(await countCentres(db(), {})).toBe(2)
    expect(await listCentres(db(), { providerId: 'prometric' }, { limit: 10, offset: 0 })).toEqual([
      sydney,
    ])
    expect(await countCentres(db(), { providerId: 'prometric' })).toBe(1)
  })

  it('insert slots once per centre and start, and count only the new ones', async () => {
    await network()
    const centre = await createCentre(db())
    const slot = (id: string, hours: number) => ({
      id,
      centreId: centre.id,
      startsAt: hoursAfter(hours),
      capacity: 8,
      createdAt: FACTORY_EPOCH,
    })
    expect(await insertSlots(db(), [slot('s1', 0), slot('s2', 2)])).toBe(2)
    // The same starts again (new ids) are skipped; only 4 h is new.
    expect(await insertSlots(db(), [slot('s3', 0), slot('s4', 2), slot('s5', 4)])).toBe(1)
    expect(await findSlot(db(), 's3')).toBeNull()
    expect(await findSlot(db(), 's1')).toEqual({
      id: 's1',
      centreId: centre.id,
      startsAt: hoursAfter(0),
      capacity: 8,
      booked: 0,
    })
    expect(await insertSlots(db(), [])).toBe(0)
    // More than one statement's worth.
    const many = Array.from({ length: 2_500 }, (_, i) => slot(`m${i}`, 10 + i))
    expect(await insertSlots(db(), many)).toBe(2_500)
    // The provider is copied from the centre, for the search's index.
    const providers = await db().selectFrom('slots').select('provider_id').distinct().execute()
    expect(providers).toEqual([{ provider_id: 'pearson' }])
  })

  it('find a slot with its centre', async () => {
    await network()
    const centre = await createCentre(db(), { timeZone: 'Pacific/Auckland' })
    const slot = await createSlot(db(), centre, hoursAfter(5), { booked: 3 })
    expect(await findSlotWithCentre(db(), slot.id)).toEqual({ slot, centre })
    expect(slot.booked).toBe(3)
    expect(await findSlotWithCentre(db(), 'no-such-slot')).toBeNull()
  })

  it('search open slots: delivered exams only, in range, with a free seat, earliest first', async () => {
    const { b } = await network()
    const pearson = await createCentre(db(), { id: 'p1' })
    const prometric = await createCentre(db(), { id: 'q1', providerId: 'prometric' })
    const open1 = await createSlot(db(), pearson, hoursAfter(3), { id: 'a' })
    const open2 = await createSlot(db(), prometric, hoursAfter(1), { id: 'b' })
    await createSlot(db(), pearson, hoursAfter(2), { id: 'full', capacity: 2, booked: 2 })
    await createSlot(db(), pearson, hoursAfter(-1), { id: 'before' })
    await createSlot(db(), prometric, hoursAfter(10), { id: 'at-to' })
    const ids = async (filter: Partial<Parameters<typeof searchOpenSlots>[1]>) =>
      (
        await searchOpenSlots(db(), {
          exam: '070-620',
          from: T0,
          to: hoursAfter(10),
          limit: 50,
          ...filter,
        })
      ).map(({ slot }) => slot.id)

    expect(await ids({})).toEqual([open2.id, open1.id])
    expect(await ids({ exam: b.number })).toEqual([open1.id])
    expect(await ids({ providerId: 'prometric' })).toEqual([open2.id])
    expect(await ids({ providerId: 'prometric', exam: b.number })).toEqual([])
    expect(await ids({ limit: 1 })).toEqual([open2.id])
    const [first] = await searchOpenSlots(db(), {
      exam: '070-620',
      from: T0,
      to: hoursAfter(10),
      limit: 1,
    })
    expect(first).toEqual({ slot: open2, centre: prometric })
  })

  it('list open slots at given centres, at most so many of each, and find centres by id', async () => {
    await network()
    const one = await createCentre(db(), { id: 'one' })
    const two = await createCentre(db(), { id: 'two' })
    for (let h = 0; h < 5; h++) {
      await createSlot(db(), one, hoursAfter(h), {
        id: `one-${h}`,
        ...(h === 1 ? { booked: 10 } : {}),
      })
      await createSlot(db(), two, hoursAfter(h), { id: `two-${h}` })
    }
    const found = await listOpenSlotsAt(db(), {
      centreIds: ['one', 'two'],
      from: T0,
      to: hoursAfter(5),
      perCentre: 2,
    })
    expect(found.map((slot) => slot.id).sort()).toEqual(['one-0', 'one-2', 'two-0', 'two-1'])
    expect(found.find((slot) => slot.id === 'two-1')).toMatchObject({ centreId: 'two', booked: 0 })
    const centres = await findCentres(db(), ['two', 'one', 'nowhere'])
    expect(centres.sort((a, b) => a.id.localeCompare(b.id))).toEqual([one, two])
    expect(await findCentres(db(), [])).toEqual([])
    expect(
      await listOpenSlotsAt(db(), { centreIds: [], from: T0, to: hoursAfter(5), perCentre: 2 }),
    ).toEqual([])
  })

  it('find centres delivering an exam inside a box, across the antimeridian too', async () => {
    const { b } = await network()
    await createCentre(db(), {
      id: 'east',
      latitude: -16.8,
      longitude: 179.9,
      timeZone: 'Pacific/Fiji',
      country: 'FJ',
    })
    await createCentre(db(), {
      id: 'west',
      latitude: -16.8,
      longitude: -179.9,
      timeZone: 'Pacific/Fiji',
      country: 'FJ',
    })
    await createCentre(db(), {
      id: 'prom-east',
      providerId: 'prometric',
      latitude: -16.9,
      longitude: 179.95,
    })
    await createCentre(db(), { id: 'far', latitude: -16.8, longitude: 170 })
    const ids = async (exam: string, longitudes: { min: number; max: number }[]) =>
      (
        await findCentresDelivering(db(), {
          exam,
          area: { minLatitude: -17.5, maxLatitude: -16, longitudes },
        })
      )
        .map((centre) => centre.id)
        .sort()
    const acrossTheLine = [
      { min: 179.5, max: 180 },
      { min: -180, max: -179.5 },
    ]
    expect(await ids('070-620', acrossTheLine)).toEqual(['east', 'prom-east', 'west'])
    expect(await ids(b.number, acrossTheLine)).toEqual(['east', 'west'])
    expect(await ids('070-620', [{ min: -180, max: -179.5 }])).toEqual(['west'])
    const everywhere = await findCentresDelivering(db(), { exam: '070-620' })
    expect(everywhere).toHaveLength(4)
    expect(everywhere.find((centre) => centre.id === 'east')).toEqual({
      id: 'east',
      providerId: 'pearson',
      latitude: -16.8,
      longitude: 179.9,
    })
  })
})
