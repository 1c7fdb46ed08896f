import { Type } from 'typebox'
import { type ExamPricingView, MAX_PRICE_CENTS } from '../../app/catalogue/exam-pricing.js'
import { PRICE_CLASSES } from '../../domain/offer.js'
import { defaultCurrency } from '../../domain/price.js'
import { Nullable } from './nullable.js'
import { CurrencyCode } from './request-fields.js'

const PriceClass = Type.Enum([...PRICE_CLASSES], {
  description: 'Offers may cover only some classes (a free retake: regular-priced exams)',
})

export const ExamPricingBody = Type.Object(
  {
    priceClass: PriceClass,
    prices: Type.Array(
      Type.Object(
        {
          currency: CurrencyCode({
            description: 'ISO 4217, three capital letters',
            examples: ['USD'],
          }),
          cents: Type.Integer({
            minimum: 0,
            maximum: MAX_PRICE_CENTS,
            description: 'The list price in the smallest unit of the currency',
            examples: [16500],
          }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200, description: 'One list price per currency; none: free of charge' },
    ),
  },
  { additionalProperties: false },
)

export const ExamPricingOut = Type.Object({
  exam: Type.String({ description: 'Canonical spelling, `070-620`', examples: ['070-620'] }),
  priceClass: PriceClass,
  prices: Type.Array(Type.Object({ currency: Type.String(), cents: Type.Integer() }), {
    description: 'Ordered by currency',
  }),
  chargedIn: Nullable(
    Type.String({
      description:
        'The currency a booking is charged in unless it names another one listed; null: free of charge',
      examples: ['USD'],
    }),
  ),
})

export function toExamPricingOut(pricing: ExamPricingView) {
  return {
    exam: pricing.exam,
    priceClass: pricing.priceClass,
    prices: pricing.prices.map((price) => ({ currency: price.currency, cents: price.cents })),
    chargedIn: defaultCurrency(pricing.prices),
  }
}
