import { formatCountry } from './format-country.js'

/** A test centre as a mail names it. */
export interface MailedPlace {
  readonly name: string
  readonly address: string
  readonly city: string
  readonly country: string
}

/**
 * The parts of a centre's location, each said once: the city is left out
 * when the address already names it ("10117 Berlin", "Auckland 1023"), and
 * the country is named, not coded.
 *
 * @example
 * formatPlace({ name: 'Pearson VUE Berlin Mitte', address: 'Friedrichstraße 68, 10117 Berlin',
 *   city: 'Berlin', country: 'DE' })
 * // ['Pearson VUE Berlin Mitte', 'Friedrichstraße 68, 10117 Berlin', 'Germany']
 */
export function formatPlace(place: MailedPlace): string[] {
  const parts = [place.name.trim()]
  const address = place.address.trim()
  if (address !== '') parts.push(address)
  const city = place.city.trim()
  if (city !== '' && !containsWords(address, city)) parts.push(city)
  parts.push(formatCountry(place.country))
  return parts
}

/** Whether `words` stand in `text` as whole words, whatever their case: "Berlingen" does not name Berlin. */
function containsWords(text: string, words: string): boolean {
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(text)
}
