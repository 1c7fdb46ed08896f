const REGIONS = new Intl.DisplayNames('en', { type: 'region', fallback: 'code' })

/**
 * A country as a person reads it: `IR` is "Iran". A code no name is known
 * for is shown as it is, never as "Unknown Region".
 *
 * @example
 * formatCountry('DE') // 'Germany'
 */
export function formatCountry(code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code
  const name = REGIONS.of(code)
  return name === undefined || name === 'Unknown Region' ? code : name
}

/** Countries by name, in the order given: "China, Iran". */
export function formatCountries(codes: readonly string[]): string {
  return codes.map(formatCountry).join(', ')
}
