import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError, type ErrorCode } from '../../src/app/errors.js'
import { prepareOfferVersion } from '../../src/app/vouchers/create-offer-version.js'
import { formatInstant } from '../../src/domain/instant.js'
import type { OfferVersionInput } from '../../src/domain/offer-terms.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  call,
  expectOk,
  expectProblem,
  instant,
  NOW,
  useApi,
} from './api-harness.js'

interface VersionSummary {
  readonly version: number
  readonly name: string
  readonly effectiveFrom: string
  readonly status: 'superseded' | 'in-force' | 'scheduled'
  readonly covers: string
}
interface OfferSummary {
  readonly id: string
  readonly name: string
  readonly inForce: number | null
  readonly versions: readonly VersionSummary[]
}
interface VersionOut extends VersionSummary {
  readonly offerId: string
  readonly [term: string]: unknown
}
interface OfferOut {
  readonly id: string
  readonly name: string
  readonly inForce: number | null
  readonly versions: readonly VersionOut[]
}

/** A new year's Second Shot, after the demo's 2026 edition (effective 2026-09-01). */
const SECOND_SHOT_2027 = {
  offerId: 'second-shot',
  version: 5,
  name: 'Second Shot 2027',
  effectiveFrom: '2027-01-01T00:00:00Z',
  enrolment: { opensAt: '2027-01-01T00:00:00Z', closesAt: '2027-12-01T00:00:00Z' },
  useBefore: '2028-03-01T00:00:00Z',
  exams: { prefixes: ['70', '098'], priceClasses: ['regular'] },
  paymentMethods: ['card'],
  benefit: { kind: 'free-retake' },
  afterPass: {
    percent: 25,
    passedFrom: '2027-01-01T00:00:00Z',
    passedUntil: '2027-06-01T00:00:00Z',
    bookBefore: '2027-09-01T00:00:00Z',
  },
} as const

const statuses = (offer: { readonly versions: readonly VersionSummary[] }) =>
  offer.versions.map((version) => [version.version, version.status])

async function getSecondShot(world: ApiWorld): Promise<OfferOut> {
  return expectOk<OfferOut>(
    await call(world, 'GET', '/v1/offers/second-shot', undefined, 'support'),
  )
}

describe.each(testDatabases())('offers over HTTP, reading ($name)', ({ open }) => {
  // Reads and refusals only: one world for the suite.
  const world = useApi(open, { per: 'suite' })

  it('lists every offer with its versions and the one in force, to any role', async () => {
    for (const role of ['admin', 'support', 'provider'] as const) {
      const { items } = expectOk<{ items: OfferSummary[] }>(
        await call(world(), 'GET', '/v1/offers', undefined, role),
      )
      expect(items.map((offer) => [offer.id, offer.inForce])).toEqual([
        ['beta-invitation', 1],
        ['beta-reward', 1],
        ['second-shot', 3],
        ['second-shot-pack', 1],
        ['study-book-15', 1],
      ])
      const secondShot = items.find((offer) => offer.id === 'second-shot')!
      // On 15 June 2026 the 2014 terms are the latest in force; the 2026 edition starts in September.
      expect(secondShot.name).toBe('Second Shot 2014')
      expect(secondShot.versions).toEqual([
        {
          version: 1,
          name: 'Second Shot 2008',
          effectiveFrom: '2008-09-15T00:00:00.000Z',
          status: 'superseded',
          covers: 'Covers exams numbered 070-….',
        },
        {
          version: 2,
          name: 'Second Shot academic 2012',
          effectiveFrom: '2012-07-01T00:00:00.000Z',
          status: 'superseded',
          covers: 'Covers exams numbered 072-…, exams numbered 073-…, exams numbered 098-….',
        },
        {
          version: 3,
          name: 'Second Shot 2014',
          effectiveFrom: '2013-10-01T00:00:00.000Z',
          status: 'in-force',
          covers:
            'Covers exams numbered 070-…, exams numbered 071-…, exams numbered 098-… at regular price.',
        },
        {
          version: 4,
          name: 'Second Shot 2026',
          effectiveFrom: '2026-09-01T00:00:00.000Z',
          status: 'scheduled',
          covers:
            'Covers exams numbered 070-…, exams numbered 071-…, exams numbered 098-… at regular price.',
        },
      ])
    }
  })

  it("shows one offer with every version's terms, instants as UTC text", async () => {
    const offer = await getSecondShot(world())
    expect(offer).toMatchObject({ id: 'second-shot', name: 'Second Shot 2014', inForce: 3 })
    expect(offer.versions[0]).toEqual({
      offerId: 'second-shot',
      version: 1,
      name: 'Second Shot 2008',
      effectiveFrom: '2008-09-15T00:00:00.000Z',
      status: 'superseded',
      covers: 'Covers exams numbered 070-….',
      enrolment: { opensAt: '2008-09-15T00:00:00.000Z', closesAt: '2009-01-01T00:00:00.000Z' },
      useBefore: '2009-07-01T00:00:00.000Z',
      validDays: null,
      exams: { families: [], prefixes: ['070'], numbers: [], priceClasses: [] },
      providers: ['prometric'],
      paymentMethods: ['card'],
      combinable: false,
      benefit: { kind: 'free-retake', exams: 1 },
      afterPass: {
        percent: 25,
        passedFrom: '2008-10-15T00:00:00.000Z',
        passedUntil: '2009-01-01T00:00:00.000Z',
        bookBefore: '2009-03-01T00:00:00.000Z',
      },
      usesPerCode: null,
      returnOnCancel: true,
      changed: [],
    })
    expect(offer.versions[2]?.changed).toEqual([
      'name',
      'effectiveFrom',
      'enrolment',
      'useBefore',
      'exams',
      'providers',
    ])
    expect(statuses(offer)).toEqual([
      [1, 'superseded'],
      [2, 'superseded'],
      [3, 'in-force'],
      [4, 'scheduled'],
    ])

    const book = expectOk<OfferOut>(
      await call(world(), 'GET', '/v1/offers/study-book-15', undefined, 'provider'),
    )
    expect(book.versions[0]).toMatchObject({
      covers: 'Covers every exam.',
      benefit: { kind: 'percent-off', percent: 15 },
      enrolment: null,
      useBefore: null,
      validDays: 365,
      usesPerCode: 1,
      combinable: true,
    })
  })

  it('answers 404 for an offer that does not exist, and 401 without a token', async () => {
    const problem = expectProblem(
      await call(world(), 'GET', '/v1/offers/third-shot'),
      404,
      'OFFER_NOT_FOUND',
      'id',
    )
    expect(problem.detail).toContain('third-shot')
    expectProblem(await call(world(), 'GET', '/v1/offers', undefined, null), 401, 'UNAUTHENTICATED')
  })

  it('lets only an admin add a version', async () => {
    for (const role of ['support', 'provider'] as const) {
      expectProblem(
        await call(world(), 'POST', '/v1/offers', SECOND_SHOT_2027, role),
        403,
        'FORBIDDEN',
      )
    }
    expect((await getSecondShot(world())).versions).toHaveLength(4)
  })

  const REFUSED: readonly (readonly [
    string,
    Record<string, unknown>,
    number,
    ErrorCode,
    string,
  ])[] = [
    [
      'an enrolment that closes before it opens',
      {
        enrolment: { opensAt: '2027-02-01T00:00:00Z', closesAt: '2027-01-15T00:00:00Z' },
      },
      422,
      'OFFER_TERMS_INVALID',
      'enrolment.closesAt',
    ],
    [
      'an enrolment that closes as it opens',
      {
        enrolment: { opensAt: '2027-02-01T00:00:00Z', closesAt: '2027-02-01T00:00:00Z' },
      },
      422,
      'OFFER_TERMS_INVALID',
      'enrolment.closesAt',
    ],
    [
      'codes that must be used before enrolment closes',
      { useBefore: '2027-11-01T00:00:00Z' },
      422,
      'OFFER_TERMS_INVALID',
      'useBefore',
    ],
    [
      'a discount of 0 %',
      { benefit: { kind: 'percent-off', percent: 0 }, afterPass: null },
      400,
      'VALIDATION_FAILED',
      'benefit.percent',
    ],
    [
      'a discount of 101 %',
      { benefit: { kind: 'percent-off', percent: 101 }, afterPass: null },
      400,
      'VALIDATION_FAILED',
      'benefit.percent',
    ],
    [
      'a discount without a percent',
      { benefit: { kind: 'percent-off' }, afterPass: null },
      400,
      'VALIDATION_FAILED',
      'benefit.percent',
    ],
    [
      'a percent on a free retake',
      { benefit: { kind: 'free-retake', percent: 10 } },
      422,
      'OFFER_TERMS_INVALID',
      'benefit.percent',
    ],
    [
      'a pack of no exams',
      { benefit: { kind: 'free-retake', exams: 0 } },
      400,
      'VALIDATION_FAILED',
      'benefit.exams',
    ],
    [
      'a code good for no registration',
      { benefit: { kind: 'free-exam' }, afterPass: null, usesPerCode: 0 },
      400,
      'VALIDATION_FAILED',
      'usesPerCode',
    ],
    ['a use count on a free retake', { usesPerCode: 2 }, 422, 'OFFER_TERMS_INVALID', 'usesPerCode'],
    [
      'an after-pass window that ends before it starts',
      {
        afterPass: {
          ...SECOND_SHOT_2027.afterPass,
          passedUntil: '2026-12-31T00:00:00Z',
        },
      },
      422,
      'OFFER_TERMS_INVALID',
      'afterPass.passedUntil',
    ],
    [
      'an after-pass booking deadline before the passing window closes',
      { afterPass: { ...SECOND_SHOT_2027.afterPass, bookBefore: '2027-05-01T00:00:00Z' } },
      422,
      'OFFER_TERMS_INVALID',
      'afterPass.bookBefore',
    ],
    [
      'an after-pass discount on a percent-off offer',
      { benefit: { kind: 'percent-off', percent: 10 } },
      422,
      'OFFER_TERMS_INVALID',
      'afterPass',
    ],
    [
      'a provider that does not exist',
      { providers: ['prometric', 'kryterion'] },
      422,
      'PROVIDER_UNKNOWN',
      'providers.1',
    ],
    [
      'a family that does not exist',
      { exams: { families: ['dynamics'] } },
      422,
      'FAMILY_UNKNOWN',
      'exams.families.0',
    ],
    [
      'a prefix no family has',
      { exams: { prefixes: ['070', '074'] } },
      422,
      'OFFER_TERMS_INVALID',
      'exams.prefixes.1',
    ],
    [
      'an exam not in the catalogue',
      { exams: { numbers: ['70-999'] } },
      404,
      'EXAM_NOT_FOUND',
      'exams.numbers.0',
    ],
    [
      'a malformed exam number',
      { exams: { numbers: ['7O-620'] } },
      400,
      'EXAM_NUMBER_MALFORMED',
      'exams.numbers.0',
    ],
    ['a version that exists', { version: 4 }, 409, 'OFFER_VERSION_EXISTS', 'version'],
    ['a skipped version number', { version: 7 }, 422, 'OFFER_TERMS_INVALID', 'version'],
    [
      'terms that take effect in the past',
      { effectiveFrom: '2026-06-15T11:59:59Z' },
      422,
      'OFFER_TERMS_INVALID',
      'effectiveFrom',
    ],
    [
      "terms dated before the latest version's",
      {
        effectiveFrom: '2026-08-01T00:00:00Z',
        enrolment: { opensAt: '2026-08-01T00:00:00Z', closesAt: '2026-12-01T00:00:00Z' },
      },
      422,
      'OFFER_TERMS_INVALID',
      'effectiveFrom',
    ],
    [
      'an unreadable date',
      { effectiveFrom: 'next January' },
      400,
      'INSTANT_INVALID',
      'effectiveFrom',
    ],
    ['an offer id with spaces', { offerId: 'Second Shot' }, 400, 'VALIDATION_FAILED', 'offerId'],
    ['a blank name', { name: '   ' }, 400, 'VALIDATION_FAILED', 'name'],
    ['an unknown term', { discount: 5 }, 400, 'VALIDATION_FAILED', 'discount'],
  ]

  it.each(REFUSED)('refuses %s, naming the field', async (_, change, status, code, field) => {
    const response = await call(world(), 'POST', '/v1/offers', { ...SECOND_SHOT_2027, ...change })
    const problem = expectProblem(response, status, code, field)
    expect(problem.detail.length).toBeGreaterThan(10)
    expect((await getSecondShot(world())).versions).toHaveLength(4)
  })

  it('refuses a new offer whose first version is not 1', async () => {
    const problem = expectProblem(
      await call(world(), 'POST', '/v1/offers', {
        ...SECOND_SHOT_2027,
        offerId: 'second-shot-2027',
      }),
      422,
      'OFFER_TERMS_INVALID',
      'version',
    )
    expect(problem.detail).toBe('version: must be 1: second-shot-2027 is a new offer.')
  })
})

describe.each(testDatabases())('offers over HTTP, adding versions ($name)', ({ open }) => {
  // Each test adds versions and moves the clock: a world of its own.
  const world = useApi(open)

  it('adds the next version, in force from its date and not before', async () => {
    const response = await call(world(), 'POST', '/v1/offers', SECOND_SHOT_2027)
    const created = expectOk<OfferOut>(response, 201)
    expect(response.headers.location).toBe('/v1/offers/second-shot')
    expect(created.inForce).toBe(3)
    expect(created.versions.at(-1)).toMatchObject({
      offerId: 'second-shot',
      version: 5,
      name: 'Second Shot 2027',
      effectiveFrom: '2027-01-01T00:00:00.000Z',
      status: 'scheduled',
      covers: 'Covers exams numbered 070-…, exams numbered 098-… at regular price.',
      exams: { families: [], prefixes: ['070', '098'], numbers: [], priceClasses: ['regular'] },
      providers: [],
      paymentMethods: ['card'],
      combinable: false,
      benefit: { kind: 'free-retake', exams: 1 },
      usesPerCode: null,
      returnOnCancel: true,
    })

    const at = async (text: string) => {
      world().clock.set(instant(text))
      const offer = await getSecondShot(world())
      return { inForce: offer.inForce, name: offer.name, statuses: statuses(offer).slice(2) }
    }
    expect(await at('2026-08-31T23:59:59.999Z')).toEqual({
      inForce: 3,
      name: 'Second Shot 2014',
      statuses: [
        [3, 'in-force'],
        [4, 'scheduled'],
        [5, 'scheduled'],
      ],
    })
    expect(await at('2026-12-31T23:59:59.999Z')).toEqual({
      inForce: 4,
      name: 'Second Shot 2026',
      statuses: [
        [3, 'superseded'],
        [4, 'in-force'],
        [5, 'scheduled'],
      ],
    })
    expect(await at('2027-01-01T00:00:00Z')).toEqual({
      inForce: 5,
      name: 'Second Shot 2027',
      statuses: [
        [3, 'superseded'],
        [4, 'superseded'],
        [5, 'in-force'],
      ],
    })
    const { items } = expectOk<{ items: OfferSummary[] }>(await call(world(), 'GET', '/v1/offers'))
    expect(items.find((offer) => offer.id === 'second-shot')?.inForce).toBe(5)
  })

  it('takes the terms of one version, as shown, as the body of the next', async () => {
    const shown = (await getSecondShot(world())).versions[3]!
    const { status: _status, covers: _covers, changed: _changed, ...terms } = shown
    const body = {
      ...terms,
      version: 5,
      name: 'Second Shot 2026, extended',
      effectiveFrom: '2026-10-01T00:00:00Z',
      useBefore: '2027-12-01T00:00:00Z',
    }
    const created = expectOk<OfferOut>(await call(world(), 'POST', '/v1/offers', body), 201)
    const { version: _v, name: _n, effectiveFrom: _e, useBefore: _u, ...same } = terms
    expect(created.versions[4]).toMatchObject({
      ...same,
      version: 5,
      effectiveFrom: '2026-10-01T00:00:00.000Z',
      useBefore: '2027-12-01T00:00:00.000Z',
      changed: ['name', 'effectiveFrom', 'useBefore'],
    })
  })

  it('adds a new offer in force at once, with the defaults filled in', async () => {
    const created = expectOk<OfferOut>(
      await call(world(), 'POST', '/v1/offers', {
        offerId: 'partner-10',
        version: 1,
        name: 'Partner 10 % discount',
        exams: { families: ['mos'] },
        benefit: { kind: 'percent-off', percent: 10 },
      }),
      201,
    )
    expect(created).toEqual({
      id: 'partner-10',
      name: 'Partner 10 % discount',
      inForce: 1,
      versions: [
        {
          offerId: 'partner-10',
          version: 1,
          name: 'Partner 10 % discount',
          effectiveFrom: '2026-06-15T12:00:00.000Z',
          status: 'in-force',
          covers: 'Covers mos exams.',
          enrolment: null,
          useBefore: null,
          validDays: null,
          exams: { families: ['mos'], prefixes: [], numbers: [], priceClasses: [] },
          providers: [],
          paymentMethods: [],
          combinable: false,
          benefit: { kind: 'percent-off', percent: 10 },
          afterPass: null,
          usesPerCode: 1,
          returnOnCancel: true,
          changed: [],
        },
      ],
    })
    const again = await call(world(), 'POST', '/v1/offers', {
      offerId: 'partner-10',
      version: 1,
      name: 'Partner 10 % discount',
      benefit: { kind: 'percent-off', percent: 10 },
    })
    expectProblem(again, 409, 'OFFER_VERSION_EXISTS', 'version')
  })
})

describe('the terms of an offer version, as properties', () => {
  const base: OfferVersionInput = {
    offerId: 'prop-offer',
    version: 1,
    name: 'Property offer',
    benefit: { kind: 'percent-off', percent: 10 },
  }
  const refusal = (input: OfferVersionInput) => {
    try {
      prepareOfferVersion(input, NOW)
      return null
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      return { code: error.code, field: error.facts.field }
    }
  }

  it('accepts a discount exactly when it is a whole percent from 1 to 100', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -500, max: 500 }), fc.double()), (percent) => {
        const outcome = refusal({ ...base, benefit: { kind: 'percent-off', percent } })
        const valid = Number.isInteger(percent) && percent >= 1 && percent <= 100
        expect(outcome).toEqual(
          valid ? null : { code: 'VALIDATION_FAILED', field: 'benefit.percent' },
        )
      }),
    )
  })

  it('accepts an enrolment exactly when it opens before it closes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 11 }),
        fc.integer({ min: 0, max: 10 ** 11 }),
        (opensIn, closesIn) => {
          const text = (ms: number) => formatInstant(NOW + ms)
          const outcome = refusal({
            ...base,
            enrolment: { opensAt: text(opensIn), closesAt: text(closesIn) },
          })
          expect(outcome).toEqual(
            opensIn < closesIn
              ? null
              : { code: 'OFFER_TERMS_INVALID', field: 'enrolment.closesAt' },
          )
        },
      ),
    )
  })

  it('never lets a version take effect before now', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 11), max: 10 ** 11 }), (offset) => {
        const outcome = refusal({
          ...base,
          effectiveFrom: formatInstant(NOW + offset),
        })
        expect(outcome).toEqual(
          offset >= 0 ? null : { code: 'OFFER_TERMS_INVALID', field: 'effectiveFrom' },
        )
      }),
    )
  })
})
