/** A span of longitudes, `min <= max`, both within [-180, 180]. */
export interface LongitudeRange {
  readonly min: number
  readonly max: number
}

/**
 * The longitude bounds of a box (`computeBoundingBox` may run past ±180 near
 * the antimeridian) as one or two ranges within [-180, 180] that a database
 * can compare stored longitudes against.
 *
 * @example
 * computeLongitudeRanges({ minLongitude: -182, maxLongitude: -178 })
 * // [{ min: 178, max: 180 }, { min: -180, max: -178 }]
 */
export function computeLongitudeRanges(box: {
  readonly minLongitude: number
  readonly maxLongitude: number
}): LongitudeRange[] {
  const { minLongitude: min, maxLongitude: max } = box
  if (max - min >= 360) return [{ min: -180, max: 180 }]
  if (min < -180)
    return [
      { min: min + 360, max: 180 },
      { min: -180, max },
    ]
  if (max > 180)
    return [
      { min, max: 180 },
      { min: -180, max: max - 360 },
    ]
  return [{ min, max }]
}
