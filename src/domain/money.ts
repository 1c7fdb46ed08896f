/**
 * An amount of money in the smallest unit of its currency (cents), so that
 * sums and discounts are exact integers and never drift by a rounding.
 */
export interface Money {
  /** ISO 4217, e.g. `USD`. */
  readonly currency: string
  readonly cents: number
}

const CURRENCY = /^[A-Z]{3}$/

export function isCurrency(text: string): boolean {
  return CURRENCY.test(text)
}

/**
 * `percent` % of `cents`, rounded half up to a whole cent: 25 % of 12 999
 * cents is 3 250. Discounts are taken in this one way everywhere, so that a
 * preview and the registration it announces agree to the cent.
 */
export function percentOf(cents: number, percent: number): number {
  return Math.floor((cents * percent + 50) / 100)
}

/** `USD 125.00`: the currency code and the amount with its two decimals. */
export function formatMoney(money: Money): string {
  const sign = money.cents < 0 ? '-' : ''
  const cents = Math.abs(money.cents)
  return `${sign}${money.currency} ${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
}
