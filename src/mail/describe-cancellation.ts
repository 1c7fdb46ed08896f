import type { Instant } from '../domain/instant.js'
import { formatMoney } from '../domain/money.js'
import { formatMailTime } from './format-mail-time.js'

/** What a cancellation did with the money and the codes, as a cancellation mail's facts keep it. */
export interface CancellationMailFacts {
  /** Null when nothing was paid (an unpaid or free-of-charge registration). */
  readonly money: {
    readonly provider: string
    readonly currency: string
    readonly paidCents: number
    readonly refundCents: number
    readonly feeCents: number
    /** The payment method the refund goes back to. */
    readonly method: string
    readonly fullRefundUntil: Instant
  } | null
  /** Codes whose use came back, grouped for reading. */
  readonly codesReturned: readonly string[]
  /** Codes whose use was not given back, and why. */
  readonly codesKept: readonly { readonly code: string; readonly why: string }[]
}

const REFUNDED_TO: Readonly<Record<string, string>> = {
  card: 'to the card you paid with',
  invoice: 'as a credit on your invoice',
  'company-voucher': 'to the company voucher you paid with',
}

/**
 * The sentences of a cancellation mail about money and codes: what is
 * refunded and how, any fee the provider keeps and under which deadline,
 * and whether each code used can be used again.
 */
export function describeCancellation(facts: CancellationMailFacts, timeZone: string): string[] {
  const lines: string[] = []
  const money = facts.money
  if (money === null || money.paidCents === 0) {
    lines.push('Nothing was paid for this registration, so there is nothing to refund.')
  } else {
    const amount = (cents: number) => formatMoney({ currency: money.currency, cents })
    const to = REFUNDED_TO[money.method] ?? 'by the way you paid'
    if (money.feeCents === 0) {
      lines.push(`You paid ${amount(money.paidCents)}; all of it is refunded ${to}.`)
    } else {
      const late = `it was cancelled after ${formatMailTime(money.fullRefundUntil, timeZone)}, the last time for a full refund`
      lines.push(
        money.refundCents === 0
          ? `You paid ${amount(money.paidCents)}; ${money.provider} keeps all of it as a cancellation fee, because ${late}. Nothing is refunded.`
          : `You paid ${amount(money.paidCents)}; ${money.provider} keeps ${amount(money.feeCents)} as a cancellation fee, because ${late}, and ${amount(money.refundCents)} is refunded ${to}.`,
      )
    }
  }
  if (facts.codesReturned.length > 0) {
    lines.push(
      `${facts.codesReturned.length === 1 ? 'Your code' : 'Your codes'} ${facts.codesReturned.join(', ')} can be used again: enter ${facts.codesReturned.length === 1 ? 'it' : 'them'} when you book.`,
    )
  }
  for (const kept of facts.codesKept) {
    lines.push(`Your code ${kept.code} is not given back. ${kept.why}`)
  }
  return lines
}
