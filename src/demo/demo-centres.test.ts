import { describe, expect, it } from 'vitest'
import { parseCountry } from '../domain/country.js'
import { DAY_MS, formatInZone, type Instant } from '../domain/instant.js'
import { parseTimeZone } from '../domain/time-zone.js'
import { buildDemoCatalogue } from './demo-catalogue.js'
import { DEMO_SLOT_DAYS } from './demo-centres.js'

/** Monday 15 June 2026 12:00 UTC, and a Saturday just before New Zealand's clocks go forward. */
const NOWS: readonly Instant[] = [Date.UTC(2026, 5, 15, 12), Date.UTC(2026, 8, 19, 6, 30)]

describe.each(NOWS.map((now) => [new Date(now).toISOString(), now] as const))(
  'the demo network at %s',
  (_, now) => {
    const demo = buildDemoCatalogue(now)
    const centresById = new Map(demo.centres.map((centre) => [centre.id, centre]))

    it('has 10 to 15 centres of both providers, in several countries and zones, well formed', () => {
      expect(demo.centres.length).toBeGreaterThanOrEqual(10)
      expect(demo.centres.length).toBeLessThanOrEqual(15)
      expect(centresById.size).toBe(demo.centres.length)
      const providers = new Set(demo.providers.map((provider) => provider.id))
      for (const centre of demo.centres) {
        expect(providers.has(centre.providerId), centre.id).toBe(true)
        expect(parseCountry(centre.country), centre.id).toBe(centre.country)
        // (Node's ICU spells Asia/Kolkata as Asia/Calcutta: a valid zone is what matters here.)
        expect(parseTimeZone(centre.timeZone), centre.id).not.toBeNull()
        expect(Math.abs(centre.latitude)).toBeLessThanOrEqual(90)
        expect(Math.abs(centre.longitude)).toBeLessThanOrEqual(180)
        expect(centre.seats).toBeGreaterThanOrEqual(6)
        expect(centre.seats).toBeLessThanOrEqual(20)
      }
      expect(new Set(demo.centres.map((centre) => centre.country)).size).toBeGreaterThanOrEqual(6)
      expect(new Set(demo.centres.map((centre) => centre.timeZone)).size).toBeGreaterThanOrEqual(8)
      // Both providers in some cities.
      const both = [...new Set(demo.centres.map((centre) => centre.city))].filter(
        (city) =>
          new Set(demo.centres.filter((c) => c.city === city).map((c) => c.providerId)).size === 2,
      )
      expect(both).toEqual(expect.arrayContaining(['Auckland', 'Sydney', 'New York', 'Berlin']))
    })

    it('has slots at 09:00 and 13:00 on weekdays on each centre’s clock, for three weeks from now', () => {
      const ids = new Set<string>()
      for (const slot of demo.slots) {
        const centre = centresById.get(slot.centreId)!
        expect(ids.has(slot.id)).toBe(false)
        ids.add(slot.id)
        expect(slot.startsAt).toBeGreaterThanOrEqual(now)
        expect(slot.startsAt).toBeLessThan(now + DEMO_SLOT_DAYS * DAY_MS)
        expect(slot.capacity).toBe(centre.seats)
        const local = formatInZone(slot.startsAt, centre.timeZone)
        expect(['09:00', '13:00']).toContain(local.slice(11, 16))
        const weekday = new Date(`${local.slice(0, 10)}T12:00:00Z`).getUTCDay()
        expect(weekday, local).not.toBe(0)
        expect(weekday, local).not.toBe(6)
        expect(slot.id).toBe(
          `slot-${centre.id}-${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 16).replace(':', '')}`,
        )
      }
      for (const centre of demo.centres) {
        const count = demo.slots.filter((slot) => slot.centreId === centre.id).length
        expect(count, centre.id).toBeGreaterThanOrEqual(28)
        expect(count, centre.id).toBeLessThanOrEqual(32)
      }
    })

    it('has both providers deliver every bookable exam but MTA, which only Prometric delivers', () => {
      const exams = (id: string) =>
        demo.providerExams.find((entry) => entry.providerId === id)!.exams
      const bookable = demo.exams
        .filter(
          (exam) => exam.status === 'live' || (exam.status === 'beta' && exam.betaOf !== null),
        )
        .map((exam) => exam.number)
      expect(exams('prometric')).toEqual(bookable)
      expect(exams('pearson-vue')).toEqual(bookable.filter((number) => !number.startsWith('098-')))
      expect(exams('prometric').some((number) => number.startsWith('098-'))).toBe(true)
    })
  },
)
