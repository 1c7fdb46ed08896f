import type { PriceEffect } from './decide-voucher.js'
import { type Money, percentOf } from './money.js'

/** One line of a registration's price: what a code took off (never more than what was left). */
export interface PriceLine {
  /** The code, grouped for reading. */
  readonly code: string
  readonly offerId: string
  readonly offerVersion: number
  readonly label: string
  /** Cents taken off: zero or negative. */
  readonly cents: number
}

/** What a registration costs: the list price, each code applied, and what is left to pay. */
export interface PriceBreakdown {
  readonly currency: string
  readonly listCents: number
  readonly lines: readonly PriceLine[]
  readonly dueCents: number
}

export interface AppliedCode {
  readonly code: string
  readonly offerId: string
  readonly offerVersion: number
  readonly label: string
  readonly effect: PriceEffect
}

/**
 * Applies codes in the order given, each to what the previous ones left, so
 * that two discounts compound and nothing ever goes below zero.
 */
export function priceRegistration(list: Money, codes: readonly AppliedCode[]): PriceBreakdown {
  let due = list.cents
  const lines: PriceLine[] = []
  for (const applied of codes) {
    const off =
      applied.effect.kind === 'free'
        ? due
        : applied.effect.kind === 'percent-off'
          ? Math.min(due, percentOf(due, applied.effect.percent))
          : 0
    due -= off
    lines.push({
      code: applied.code,
      offerId: applied.offerId,
      offerVersion: applied.offerVersion,
      label: applied.label,
      cents: off === 0 ? 0 : -off,
    })
  }
  return { currency: list.currency, listCents: list.cents, lines, dueCents: due }
}

/**
 * The currency a booking is charged in when it names none: US dollars when
 * the exam is listed in them, else the first currency listed; null when the
 * exam is free of charge.
 */
export function defaultCurrency(prices: readonly Money[]): string | null {
  if (prices.some((price) => price.currency === 'USD')) return 'USD'
  return prices[0]?.currency ?? null
}

/** Where a registration stands with its payment when it is booked. */
export type PaymentStatusAtBooking = 'not-required' | 'paid' | 'due'

/**
 * Whether a registration at `price` must be paid: not when nothing is
 * priced or the list price is nothing; paid when the codes took it all or
 * a payment comes with the booking; due otherwise.
 */
export function paymentStatusOf(
  price: Pick<PriceBreakdown, 'listCents' | 'dueCents'> | null,
  payingNow: boolean,
): PaymentStatusAtBooking {
  if (price === null || price.listCents === 0) return 'not-required'
  return price.dueCents === 0 || payingNow ? 'paid' : 'due'
}

/**
 * A registration's price with more codes applied after those it has: each
 * to what is left, as if all had been given at booking in that order.
 */
export function addCodesToPrice(
  price: PriceBreakdown,
  codes: readonly AppliedCode[],
): PriceBreakdown {
  const added = priceRegistration({ currency: price.currency, cents: price.dueCents }, codes)
  return { ...price, lines: [...price.lines, ...added.lines], dueCents: added.dueCents }
}
