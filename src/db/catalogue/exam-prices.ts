import type { Kysely } from 'kysely'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Money } from '../../domain/money.js'
import type { PriceClass } from '../../domain/offer.js'
import type { DB } from '../engine/schema.js'

/** How an exam is priced: its class and a list price per currency (none: the exam is free of charge). */
export interface ExamPricing {
  readonly priceClass: PriceClass
  readonly prices: readonly Money[]
}

export async function findExamPricing(
  db: Kysely<DB>,
  exam: ExamNumber,
): Promise<ExamPricing | null> {
  const row = await db
    .selectFrom('exams')
    .select('price_class')
    .where('number', '=', exam)
    .executeTakeFirst()
  if (!row) return null
  const prices = await db
    .selectFrom('exam_prices')
    .select(['currency', 'cents'])
    .where('exam_number', '=', exam)
    .orderBy('currency')
    .execute()
  return { priceClass: row.price_class, prices }
}

/** Replaces the exam's price class and every list price. */
export async function setExamPricing(
  db: Kysely<DB>,
  exam: ExamNumber,
  pricing: ExamPricing,
): Promise<void> {
  await db
    .updateTable('exams')
    .set({ price_class: pricing.priceClass })
    .where('number', '=', exam)
    .execute()
  await db.deleteFrom('exam_prices').where('exam_number', '=', exam).execute()
  if (pricing.prices.length > 0) {
    await db
      .insertInto('exam_prices')
      .values(
        pricing.prices.map((price) => ({
          exam_number: exam,
          currency: price.currency,
          cents: price.cents,
        })),
      )
      .execute()
  }
}
