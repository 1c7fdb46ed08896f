import { describe, expect, it } from 'vitest'
import { ASSIGNED_COUNTRY_COUNT, parseCountry } from './country.js'
import { parseEmail } from './email.js'
import { parseTimeZone } from './time-zone.js'

describe('candidate fields', () => {
  it('knows the 249 assigned country codes', () => {
    expect(ASSIGNED_COUNTRY_COUNT).toBe(249)
    expect(parseCountry('nz')).toBe('NZ')
    for (const bad of ['XX', 'EU', 'UK', 'N', 'NZL', '']) expect(parseCountry(bad)).toBeNull()
  })

  it('takes IANA zones in their canonical spelling and refuses offsets', () => {
    expect(parseTimeZone('pacific/auckland')).toBe('Pacific/Auckland')
    expect(parseTimeZone('America/Los_Angeles')).toBe('America/Los_Angeles')
    expect(parseTimeZone('UTC')).toBe('UTC')
    for (const bad of ['+05:00', 'Mars/Olympus', 'Auckland', '', 'EST5EDT x'])
      expect(parseTimeZone(bad)).toBeNull()
  })

  it('takes plausible email addresses', () => {
    expect(parseEmail(' Ana@Example.COM ')).toBe('Ana@example.com')
    for (const bad of ['ana', 'ana@', '@example.com', 'ana@example', 'a b@example.com'])
      expect(parseEmail(bad)).toBeNull()
  })
})
