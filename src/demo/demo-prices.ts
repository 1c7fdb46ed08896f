import type { Exam } from '../domain/exam.js'
import type { ExamNumber } from '../domain/exam-number.js'
import type { Money } from '../domain/money.js'
import type { PriceClass } from '../domain/offer.js'

/** How the demo prices an exam: its class and list prices. */
export interface DemoPricing {
  readonly priceClass: PriceClass
  readonly prices: readonly Money[]
}

const usd = (dollars: number): Money => ({ currency: 'USD', cents: dollars * 100 })

/**
 * The demo's list prices, one per exam family, in US dollars. The sources
 * name no figures; these are plausible ones: an individual technical exam
 * or an educator exam at USD 165, an MTA exam at USD 127, a MOS exam at
 * USD 100, and an academic exam at a lower academic price.
 *
 * Beta exams are listed at the live exam's price but in the `discounted`
 * class: invited candidates sit them with the invitation's code, and an
 * offer for regular-priced exams (Second Shot 2014) does not cover them.
 */
export const DEMO_FAMILY_PRICES: Readonly<Record<string, DemoPricing>> = {
  general: { priceClass: 'regular', prices: [usd(165)] },
  beta: { priceClass: 'discounted', prices: [usd(165)] },
  academic: { priceClass: 'academic', prices: [usd(60)] },
  mta: { priceClass: 'regular', prices: [usd(127)] },
  mos: { priceClass: 'regular', prices: [usd(100)] },
  mce: { priceClass: 'regular', prices: [usd(165)] },
}

/** Each demo exam with the pricing of its family. */
export function buildDemoPrices(
  exams: readonly Exam[],
): { readonly exam: ExamNumber; readonly pricing: DemoPricing }[] {
  return exams.map((exam) => {
    const pricing = DEMO_FAMILY_PRICES[exam.family]
    if (!pricing) throw new Error(`demo: no price for the family ${exam.family}`)
    return { exam: exam.number, pricing }
  })
}
