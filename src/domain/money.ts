/**
 * An amount of money in the smallest unit of its currency (cents), so that
 * sums and discounts are exact integers and never drift by a rounding.
 */
export interface Money {
  /** ISO 4217, e.g. `USD`. */
  readonly currency: string
  readonly cents: number
}

/** The ISO 4217 codes this runtime knows, with their decimals: `XXQ` is not one. */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'))

/** Whether `text` is a currency code ISO 4217 lists (`USD`, `JPY`), in capitals. */
export function isCurrency(text: string): boolean {
  return /^[A-Z]{3}$/.test(text) && CURRENCIES.has(text)
}

/**
 * `percent` % of `cents`, rounded half up to a whole cent: 25 % of 12 999
 * cents is 3 250. Discounts are taken in this one way everywhere, so that a
 * preview and the registration it announces agree to the cent.
 */
export function percentOf(cents: number, percent: number): number {
  return Math.floor((cents * percent + 50) / 100)
}

/**
 * An amount as a person reads it: the currency code, then the amount in the
 * currency's own decimals (`cents` counts its smallest unit), grouped, in
 * English whatever the machine's locale. The one way money is written, in
 * mail and in messages alike.
 *
 * @example
 * formatMoney({ currency: 'USD', cents: 16500 }) // 'USD 165.00'
 * formatMoney({ currency: 'JPY', cents: 16500 }) // 'JPY 16,500'
 * formatMoney({ currency: 'BHD', cents: 16500 }) // 'BHD 16.500'
 */
export function formatMoney(money: Money): string {
  const format = numberFormatOf(money.currency)
  const digits = format?.resolvedOptions().maximumFractionDigits ?? 2
  const units = Math.abs(money.cents)
  const whole = Math.floor(units / 10 ** digits)
  const fraction = String(units % 10 ** digits).padStart(digits, '0')
  // As a decimal string, so that no amount is rounded through a float.
  const amount = `${money.cents < 0 ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`
  if (format === null) return `${money.currency} ${amount}`
  return format.format(amount as Intl.StringNumericLiteral).replace(/\u00a0/g, ' ')
}

const formats = new Map<string, Intl.NumberFormat>()

/** The currency's format; null for text that is no currency code at all. */
function numberFormatOf(currency: string): Intl.NumberFormat | null {
  // Any three letters format (an unlisted code, stored before codes were checked, with two decimals).
  if (!/^[A-Z]{3}$/.test(currency)) return null
  let format = formats.get(currency)
  if (format === undefined) {
    format = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'code' })
    formats.set(currency, format)
  }
  return format
}
