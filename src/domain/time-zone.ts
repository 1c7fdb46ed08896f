const IANA_NAME = /^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/

/**
 * An IANA time zone name in its canonical spelling (`pacific/auckland` →
 * `Pacific/Auckland`); null for anything else, fixed offsets included, since
 * an offset cannot say where daylight saving moves the clock.
 */
export function parseTimeZone(text: string): string | null {
  const name = text.trim()
  if (!IANA_NAME.test(name)) return null
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone
  } catch {
    return null
  }
}
