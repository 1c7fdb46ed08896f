import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type ExamPricingInput, prepareExamPricing } from '../../src/app/catalogue/exam-pricing.js'
import { AppError, type ErrorCode } from '../../src/app/errors.js'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, expectProblem, useApi } from './api-harness.js'

interface PricingOut {
  readonly exam: string
  readonly priceClass: string
  readonly prices: readonly { readonly currency: string; readonly cents: number }[]
  readonly chargedIn: string | null
}

const usd = (cents: number) => [{ currency: 'USD', cents }]

describe.each(testDatabases())('exam pricing over HTTP, reading ($name)', ({ open }) => {
  // Reads and refusals only: one world for the suite.
  const world = useApi(open, { per: 'suite' })

  async function pricingOf(number: string): Promise<PricingOut> {
    return expectOk<PricingOut>(
      await call(world(), 'GET', `/v1/exams/${number}/pricing`, undefined, 'provider'),
    )
  }

  it('shows the demo prices by family, in either spelling, to any role', async () => {
    expect(await pricingOf('70-620')).toEqual({
      exam: '070-620',
      priceClass: 'regular',
      prices: usd(16_500),
      chargedIn: 'USD',
    })
    expect(await pricingOf('070-620')).toEqual(await pricingOf('70-620'))
    const table = []
    for (const number of ['71-621', '72-620', '73-536', '98-349', '77-727', '62-193']) {
      const pricing = await pricingOf(number)
      table.push([pricing.exam, pricing.priceClass, pricing.prices])
    }
    expect(table).toEqual([
      ['071-621', 'discounted', usd(16_500)],
      ['072-620', 'academic', usd(6_000)],
      ['073-536', 'academic', usd(6_000)],
      ['098-349', 'regular', usd(12_700)],
      ['077-727', 'regular', usd(10_000)],
      ['062-193', 'regular', usd(16_500)],
    ])
    expectOk(await call(world(), 'GET', '/v1/exams/70-620/pricing', undefined, 'support'))
  })

  it('answers 404 for an unknown exam and 400 for a malformed number', async () => {
    expectProblem(
      await call(world(), 'GET', '/v1/exams/70-999/pricing'),
      404,
      'EXAM_NOT_FOUND',
      'number',
    )
    expectProblem(
      await call(world(), 'PUT', '/v1/exams/70-999/pricing', {
        priceClass: 'regular',
        prices: usd(100),
      }),
      404,
      'EXAM_NOT_FOUND',
      'number',
    )
    expectProblem(
      await call(world(), 'GET', '/v1/exams/7O-620/pricing'),
      400,
      'EXAM_NUMBER_MALFORMED',
      'number',
    )
  })

  it('lets only an admin change prices', async () => {
    for (const role of ['support', 'provider'] as const) {
      expectProblem(
        await call(
          world(),
          'PUT',
          '/v1/exams/70-620/pricing',
          { priceClass: 'regular', prices: usd(1) },
          role,
        ),
        403,
        'FORBIDDEN',
      )
    }
    expect((await pricingOf('70-620')).prices).toEqual(usd(16_500))
  })

  const REFUSED: readonly (readonly [string, unknown, ErrorCode, string])[] = [
    [
      'an unknown price class',
      { priceClass: 'premium', prices: [] },
      'VALIDATION_FAILED',
      'priceClass',
    ],
    [
      'a currency in lower case',
      { priceClass: 'regular', prices: [{ currency: 'usd', cents: 1 }] },
      'VALIDATION_FAILED',
      'prices.0.currency',
    ],
    [
      'a currency of two letters',
      { priceClass: 'regular', prices: [{ currency: 'US', cents: 1 }] },
      'VALIDATION_FAILED',
      'prices.0.currency',
    ],
    [
      'a currency code ISO 4217 does not list',
      { priceClass: 'regular', prices: [{ currency: 'XXQ', cents: 1 }] },
      'VALIDATION_FAILED',
      'prices.0.currency',
    ],
    [
      'a currency given twice',
      {
        priceClass: 'regular',
        prices: [
          { currency: 'USD', cents: 16_500 },
          { currency: 'EUR', cents: 15_000 },
          { currency: 'USD', cents: 15_000 },
        ],
      },
      'VALIDATION_FAILED',
      'prices.2.currency',
    ],
    [
      'a negative price',
      { priceClass: 'regular', prices: [{ currency: 'USD', cents: -1 }] },
      'VALIDATION_FAILED',
      'prices.0.cents',
    ],
    [
      'a fraction of a cent',
      { priceClass: 'regular', prices: [{ currency: 'USD', cents: 1.5 }] },
      'VALIDATION_FAILED',
      'prices.0.cents',
    ],
    [
      'a price past what is stored',
      { priceClass: 'regular', prices: [{ currency: 'USD', cents: 2 ** 31 }] },
      'VALIDATION_FAILED',
      'prices.0.cents',
    ],
    [
      'a price without its currency',
      { priceClass: 'regular', prices: [{ cents: 100 }] },
      'VALIDATION_FAILED',
      'prices.0.currency',
    ],
    ['no prices at all', { priceClass: 'regular' }, 'VALIDATION_FAILED', 'prices'],
  ]

  it.each(REFUSED)('refuses %s, naming the field', async (_, body, code, field) => {
    expectProblem(await call(world(), 'PUT', '/v1/exams/70-620/pricing', body), 400, code, field)
    expect(await pricingOf('70-620')).toEqual({
      exam: '070-620',
      priceClass: 'regular',
      prices: usd(16_500),
      chargedIn: 'USD',
    })
  })
})

describe.each(testDatabases())('exam pricing over HTTP, changing ($name)', ({ open }) => {
  const world = useApi(open)

  it('sets class and prices by one spelling and reads them back by the other', async () => {
    const set = expectOk<PricingOut>(
      await call(world(), 'PUT', '/v1/exams/70-620/pricing', {
        priceClass: 'discounted',
        prices: [
          { currency: 'USD', cents: 13_200 },
          { currency: 'EUR', cents: 12_000 },
          { currency: 'JPY', cents: 19_000 },
        ],
      }),
    )
    const expected = {
      exam: '070-620',
      priceClass: 'discounted',
      prices: [
        { currency: 'EUR', cents: 12_000 },
        { currency: 'JPY', cents: 19_000 },
        { currency: 'USD', cents: 13_200 },
      ],
      // Charged in US dollars when a booking names no currency, wherever they stand in the list.
      chargedIn: 'USD',
    }
    expect(set).toEqual(expected)
    expect(
      expectOk(await call(world(), 'GET', '/v1/exams/070-620/pricing', undefined, 'support')),
    ).toEqual(expected)

    // Replacing drops the currencies no longer listed; no prices at all is a free exam.
    const { exam: _exam, chargedIn: _chargedIn, ...body } = expected
    const fewer = expectOk<PricingOut>(
      await call(world(), 'PUT', '/v1/exams/070-620/pricing', {
        ...body,
        prices: body.prices.slice(0, 1),
      }),
    )
    expect(fewer.prices).toEqual([{ currency: 'EUR', cents: 12_000 }])
    expect(fewer.chargedIn).toBe('EUR')
    const free = expectOk<PricingOut>(
      await call(world(), 'PUT', '/v1/exams/70-620/pricing', { priceClass: 'regular', prices: [] }),
    )
    expect(free).toEqual({ exam: '070-620', priceClass: 'regular', prices: [], chargedIn: null })
    // Other exams keep theirs.
    expect(
      expectOk<PricingOut>(await call(world(), 'GET', '/v1/exams/70-680/pricing')).prices,
    ).toEqual(usd(16_500))
  })
})

describe('exam pricing input, as a property', () => {
  const known = new Set(Intl.supportedValuesOf('currency'))
  const currency = fc.oneof(
    fc.constantFrom('USD', 'EUR', 'JPY', 'NZD', 'XXQ', 'AAA'),
    fc.stringMatching(/^[A-Z]{3}$/),
    fc.string({ minLength: 0, maxLength: 4 }),
  )
  const cents = fc.oneof(
    fc.integer({ min: -10, max: 2 ** 31 + 10 }),
    fc.double({ min: -1, max: 1e10 }),
  )

  it('accepts prices exactly when each currency is a known ISO 4217 code, once, with whole cents in range', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ currency, cents }), { maxLength: 4 }), (prices) => {
        const input: ExamPricingInput = { priceClass: 'regular', prices }
        const valid =
          prices.every(
            (price) =>
              known.has(price.currency) &&
              Number.isInteger(price.cents) &&
              price.cents >= 0 &&
              price.cents < 2 ** 31,
          ) && new Set(prices.map((price) => price.currency)).size === prices.length
        let refused: AppError | null = null
        try {
          expect(prepareExamPricing(input).prices).toEqual(prices)
        } catch (error) {
          if (!(error instanceof AppError)) throw error
          refused = error
        }
        expect(refused === null).toBe(valid)
        if (refused) {
          expect(refused.code).toBe('VALIDATION_FAILED')
          expect(refused.facts.field).toMatch(/^prices\.\d+\.(currency|cents)$/)
        }
      }),
    )
  })
})
