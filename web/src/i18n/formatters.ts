/**
 * `Intl` formatters, each made once per language and options: making one
 * costs far more than using it (tens of microseconds, its first use in a
 * page much more), and a page of seats or appointments formats hundreds of
 * times as it renders.
 */
const made = new Map<string, unknown>()

function once<T>(kind: string, locale: string | undefined, options: object, make: () => T): T {
  const key = `${kind}|${locale ?? ''}|${JSON.stringify(options)}`
  let formatter = made.get(key) as T | undefined
  if (formatter === undefined) {
    formatter = make()
    made.set(key, formatter)
  }
  return formatter
}

export function dateTimeFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return once('date', locale, options, () => new Intl.DateTimeFormat(locale, options))
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return once('number', locale, options, () => new Intl.NumberFormat(locale, options))
}

export function listFormat(locale: string, options: Intl.ListFormatOptions): Intl.ListFormat {
  return once('list', locale, options, () => new Intl.ListFormat(locale, options))
}

/** Countries by their ISO code, in `locale`'s words. */
export function regionNames(locale: string): Intl.DisplayNames {
  return once('region', locale, {}, () => new Intl.DisplayNames([locale], { type: 'region' }))
}
