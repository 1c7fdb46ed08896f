import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decideChange } from './change-window.js'
import { computeBoundingBox, computeDistanceKm, parsePosition } from './distance.js'
import { HOUR_MS } from './instant.js'
import { formatRegistrationCode, parseRegistrationCode } from './registration-code.js'

const provider = {
  id: 'prometric',
  name: 'Prometric',
  rescheduleCutoffHours: 24,
  cancelCutoffHours: 48,
}

describe('change windows', () => {
  it('allows a change up to and including the deadline, not after', () => {
    const startsAt = Date.UTC(2026, 11, 5, 9)
    const cancel = decideChange(provider, 'cancel', startsAt, startsAt - 48 * HOUR_MS)
    expect(cancel).toEqual({ allowed: true, deadline: startsAt - 48 * HOUR_MS, cutoffHours: 48 })
    expect(decideChange(provider, 'cancel', startsAt, startsAt - 48 * HOUR_MS + 1).allowed).toBe(
      false,
    )
    // Four days ahead is well inside a 24-hour rule.
    expect(decideChange(provider, 'reschedule', startsAt, startsAt - 96 * HOUR_MS).allowed).toBe(
      true,
    )
  })
})

describe('distances', () => {
  it('knows Auckland to Wellington is about 490 km', () => {
    const km = computeDistanceKm(
      { latitude: -36.8485, longitude: 174.7633 },
      { latitude: -41.2865, longitude: 174.7762 },
    )
    expect(km).toBeGreaterThan(480)
    expect(km).toBeLessThan(500)
  })

  it('keeps every point within the radius inside the bounding box (property)', () => {
    const position = fc.record({
      latitude: fc.double({ min: -85, max: 85, noNaN: true }),
      longitude: fc.double({ min: -179, max: 179, noNaN: true }),
    })
    fc.assert(
      fc.property(
        position,
        position,
        fc.double({ min: 1, max: 2000, noNaN: true }),
        (centre, point, radius) => {
          if (computeDistanceKm(centre, point) > radius) return
          const box = computeBoundingBox(centre, radius)
          expect(point.latitude).toBeGreaterThanOrEqual(box.minLatitude - 1e-9)
          expect(point.latitude).toBeLessThanOrEqual(box.maxLatitude + 1e-9)
          const lon = point.longitude
          const inside =
            (lon >= box.minLongitude && lon <= box.maxLongitude) ||
            (lon + 360 >= box.minLongitude && lon + 360 <= box.maxLongitude) ||
            (lon - 360 >= box.minLongitude && lon - 360 <= box.maxLongitude)
          expect(inside).toBe(true)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('reads a position and refuses nonsense', () => {
    expect(parsePosition('-36.85, 174.76')).toEqual({ latitude: -36.85, longitude: 174.76 })
    for (const bad of ['91,0', '0,181', 'north', '1;2', '']) expect(parsePosition(bad)).toBeNull()
  })
})

describe('registration codes', () => {
  it('reads back what it writes, whatever the case and spacing (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 12, maxLength: 12 }), (bytes) => {
        const code = formatRegistrationCode(bytes)
        expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/)
        expect(parseRegistrationCode(code.toLowerCase().replaceAll('-', ' '))).toBe(code)
      }),
    )
  })

  it('refuses look-alike characters and wrong lengths', () => {
    for (const bad of ['K7QM-2X9P-4RT0', 'K7QM-2X9P-4RTI', 'K7QM-2X9P', 'K7QM-2X9P-4RTCX']) {
      expect(parseRegistrationCode(bad)).toBeNull()
    }
  })
})
