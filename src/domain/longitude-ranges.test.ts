import { describe, expect, it } from 'vitest'
import { computeBoundingBox } from './distance.js'
import { computeLongitudeRanges } from './longitude-ranges.js'

describe('computeLongitudeRanges', () => {
  it('keeps a box within ±180 as one range', () => {
    expect(computeLongitudeRanges({ minLongitude: 170, maxLongitude: 175 })).toEqual([
      { min: 170, max: 175 },
    ])
  })

  it('splits a box across the antimeridian into both ends of the map', () => {
    const box = computeBoundingBox({ latitude: -16.8, longitude: -179.9 }, 50)
    expect(box.minLongitude).toBeLessThan(-180)
    const [east, west] = computeLongitudeRanges(box)
    expect(east!.min).toBeGreaterThan(179)
    expect(east!.max).toBe(180)
    expect(west).toEqual({ min: -180, max: box.maxLongitude })
    expect(computeLongitudeRanges({ minLongitude: 178, maxLongitude: 182 })).toEqual([
      { min: 178, max: 180 },
      { min: -180, max: -178 },
    ])
  })

  it('covers every longitude when the box is the whole way round', () => {
    expect(computeLongitudeRanges({ minLongitude: -190, maxLongitude: 190 })).toEqual([
      { min: -180, max: 180 },
    ])
  })
})
