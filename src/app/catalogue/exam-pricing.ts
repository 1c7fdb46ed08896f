import type { Kysely } from 'kysely'
import {
  type ExamPricing,
  findExamPricing,
  setExamPricing as storeExamPricing,
} from '../../db/catalogue/exam-prices.js'
import type { DB } from '../../db/engine/schema.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import { isCurrency, type Money } from '../../domain/money.js'
import { PRICE_CLASSES, type PriceClass } from '../../domain/offer.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { requireExamNumber } from '../input-fields.js'
import { runCommand } from '../run-command.js'

/**
 * The most a list price may be, in the smallest unit of its currency: what
 * a 32-bit integer column holds (over 21 million dollars).
 */
export const MAX_PRICE_CENTS = 2_147_483_647

/** An exam's pricing with the exam's canonical number. */
export interface ExamPricingView extends ExamPricing {
  readonly exam: ExamNumber
}

export interface ExamPricingInput {
  readonly priceClass: string
  /** One list price per currency; none: the exam is free of charge. */
  readonly prices: readonly { readonly currency: string; readonly cents: number }[]
}

/** The price class and list prices of the exam either spelling names, or EXAM_NOT_FOUND. */
export async function getExamPricing(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  number: string,
  field = 'number',
): Promise<ExamPricingView> {
  const exam = requireExamNumber(number, field)
  const pricing = await findExamPricing(deps.db, exam)
  if (!pricing) throw new AppError('EXAM_NOT_FOUND', { field, exam })
  return { exam, ...pricing }
}

/**
 * Replaces an exam's price class and every list price. Currencies are ISO
 * 4217 codes (`USD`; not merely three letters), each at most once; amounts
 * are whole units of the currency's smallest denomination from 0.
 * A registration keeps the price it was booked at.
 */
export async function setExamPricing(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  number: string,
  input: ExamPricingInput,
  field = 'number',
): Promise<ExamPricingView> {
  const exam = requireExamNumber(number, field)
  const pricing = prepareExamPricing(input)
  return runCommand(deps, {}, async (trx) => {
    if (!(await findExamPricing(trx, exam))) throw new AppError('EXAM_NOT_FOUND', { field, exam })
    await storeExamPricing(trx, exam, pricing)
    return { exam, ...(await findExamPricing(trx, exam))! }
  })
}

/** The input as pricing, or VALIDATION_FAILED naming the first field at fault. */
export function prepareExamPricing(input: ExamPricingInput): ExamPricing {
  if (!(PRICE_CLASSES as readonly string[]).includes(input.priceClass)) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'priceClass',
      problem: `must be one of ${PRICE_CLASSES.join(', ')}`,
    })
  }
  const seen = new Set<string>()
  const prices: Money[] = input.prices.map((price, i) => {
    if (!isCurrency(price.currency)) {
      throw new AppError('VALIDATION_FAILED', {
        field: `prices.${i}.currency`,
        problem: 'must be a currency code that ISO 4217 lists, in capitals, such as USD or JPY',
      })
    }
    if (seen.has(price.currency)) {
      throw new AppError('VALIDATION_FAILED', {
        field: `prices.${i}.currency`,
        problem: `names ${price.currency} a second time; give each currency one price`,
      })
    }
    seen.add(price.currency)
    if (!Number.isInteger(price.cents) || price.cents < 0 || price.cents > MAX_PRICE_CENTS) {
      throw new AppError('VALIDATION_FAILED', {
        field: `prices.${i}.cents`,
        problem: `must be a whole number of cents from 0 to ${MAX_PRICE_CENTS}`,
      })
    }
    return { currency: price.currency, cents: price.cents }
  })
  return { priceClass: input.priceClass as PriceClass, prices }
}
