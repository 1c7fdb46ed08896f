import { describe, expect, it } from 'vitest'
import { formatCountries, formatCountry } from './format-country.js'
import { formatPlace } from './format-place.js'

describe('formatPlace', () => {
  it('says the city once when the address names it', () => {
    expect(
      formatPlace({
        name: 'Pearson VUE Berlin Mitte',
        address: 'Friedrichstraße 68, 10117 Berlin',
        city: 'Berlin',
        country: 'DE',
      }).join(', '),
    ).toBe('Pearson VUE Berlin Mitte, Friedrichstraße 68, 10117 Berlin, Germany')
    expect(
      formatPlace({
        name: 'Prometric Auckland Grafton',
        address: 'Level 3, 44 Khyber Pass Road, Grafton, Auckland 1023',
        city: 'auckland',
        country: 'NZ',
      }).join(', '),
    ).toBe(
      'Prometric Auckland Grafton, Level 3, 44 Khyber Pass Road, Grafton, Auckland 1023, New Zealand',
    )
  })

  it('adds the city when the address does not name it, a longer word that begins with it included', () => {
    expect(
      formatPlace({ name: 'Centre', address: '1 Queen Street', city: 'Auckland', country: 'NZ' }),
    ).toEqual(['Centre', '1 Queen Street', 'Auckland', 'New Zealand'])
    expect(
      formatPlace({ name: 'Centre', address: 'Berlinger Weg 2', city: 'Berlin', country: 'DE' }),
    ).toEqual(['Centre', 'Berlinger Weg 2', 'Berlin', 'Germany'])
  })
})

describe('formatCountry', () => {
  it('names a country, in English, and leaves a code without a name as it is', () => {
    expect(formatCountries(['CN', 'IR'])).toBe('China, Iran')
    expect(formatCountry('US')).toBe('United States')
    expect(formatCountry('ZZ')).toBe('ZZ')
    expect(formatCountry('Narnia')).toBe('Narnia')
  })
})
