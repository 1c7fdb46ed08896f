import type { Choice } from './choice-field'

/**
 * The time zones this browser knows, by their IANA names, found by typing
 * part of one; `keep` is added when the browser does not list it (an alias
 * such as `UTC`), so that a stored zone is always among the choices.
 */
export function timeZoneChoices(keep?: string): Choice[] {
  const zones = Intl.supportedValuesOf('timeZone')
  const all = keep === undefined || zones.includes(keep) ? zones : [keep, ...zones]
  return all.map((zone) => ({ id: zone, label: zone.replaceAll('_', ' ') }))
}
