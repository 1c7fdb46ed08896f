import { Type } from 'typebox'
import type { OfferVersionView, OfferView } from '../../app/vouchers/list-offers.js'
import {
  describeScope,
  type ExamScope,
  PAYMENT_METHODS,
  PRICE_CLASSES,
} from '../../domain/offer.js'
import { OFFER_TERMS } from '../../domain/offer-changes.js'
import {
  BENEFIT_KINDS,
  MAX_OFFER_VERSION,
  MAX_PACK_EXAMS,
  MAX_USES_PER_CODE,
  MAX_VALID_DAYS,
} from '../../domain/offer-terms.js'
import { InstantText, toInstantOut } from './instant.js'
import { Nullable } from './nullable.js'

const Percent = Type.Integer({ minimum: 1, maximum: 100, examples: [25] })
const OfferId = Type.String({
  minLength: 1,
  maxLength: 40,
  description: 'Lower-case letters, digits and inner hyphens',
  examples: ['second-shot'],
})
const VersionStatus = Type.Enum(['superseded', 'in-force', 'scheduled'], {
  description:
    'in-force: the version in force now; superseded: replaced by a later-dated one; scheduled: its date is still to come',
})
const Covers = Type.String({
  description: 'What exams the version covers, as one sentence',
  examples: ['Covers exams numbered 070-…, exams numbered 098-… at regular price.'],
})

// ---------------------------------------------------------------- in

const ListOf = (item: ReturnType<typeof Type.String>, description: string) =>
  Type.Optional(Type.Array(item, { maxItems: 100, description }))

export const CreateOfferBody = Type.Object(
  {
    offerId: OfferId,
    version: Type.Integer({
      minimum: 1,
      maximum: MAX_OFFER_VERSION,
      description: "1 for a new offer, else the next after the offer's latest version",
    }),
    name: Type.String({ minLength: 1, maxLength: 200, examples: ['Second Shot 2027'] }),
    effectiveFrom: Type.Optional(
      Type.With(InstantText, {
        description:
          'When the version takes effect (default now); not in the past, and after every earlier version',
      }),
    ),
    enrolment: Type.Optional(
      Type.Union([
        Type.Object(
          { opensAt: InstantText, closesAt: InstantText },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
    useBefore: Type.Optional(Type.Union([InstantText, Type.Null()])),
    validDays: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: MAX_VALID_DAYS }), Type.Null()]),
    ),
    exams: Type.Optional(
      Type.Object(
        {
          families: ListOf(Type.String({ minLength: 1, maxLength: 40 }), 'Exam family ids'),
          prefixes: ListOf(
            Type.String({ minLength: 1, maxLength: 3, examples: ['070'] }),
            'Exam number prefixes, `070` or `70`',
          ),
          numbers: ListOf(
            Type.String({ minLength: 1, maxLength: 20, examples: ['70-620'] }),
            'Exam numbers in either spelling',
          ),
          priceClasses: Type.Optional(Type.Array(Type.Enum([...PRICE_CLASSES]), { maxItems: 10 })),
        },
        {
          additionalProperties: false,
          description:
            'An exam is covered when it matches a family, prefix or number (or all three lists are empty) and its price class is listed (or none is)',
        },
      ),
    ),
    providers: ListOf(
      Type.String({ minLength: 1, maxLength: 40 }),
      'Providers that deliver the offer; empty: every provider',
    ),
    paymentMethods: Type.Optional(
      Type.Array(Type.Enum([...PAYMENT_METHODS]), {
        maxItems: 10,
        description: 'Accepted for what remains to pay; empty: every method',
      }),
    ),
    combinable: Type.Optional(Type.Boolean({ description: 'Default false' })),
    benefit: Type.Object(
      {
        kind: Type.Enum([...BENEFIT_KINDS]),
        exams: Type.Optional(
          Type.Integer({
            minimum: 1,
            maximum: MAX_PACK_EXAMS,
            description: 'free-retake: how many different exams one code covers (default 1)',
          }),
        ),
        percent: Type.Optional(Type.With(Percent, { description: 'percent-off: the discount' })),
      },
      { additionalProperties: false },
    ),
    afterPass: Type.Optional(
      Type.Union([
        Type.Object(
          {
            percent: Percent,
            passedFrom: InstantText,
            passedUntil: InstantText,
            bookBefore: InstantText,
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
    usesPerCode: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: MAX_USES_PER_CODE }), Type.Null()], {
        description:
          'Registrations one code pays for (default 1; null: no limit; a free retake: null)',
      }),
    ),
    returnOnCancel: Type.Optional(Type.Boolean({ description: 'Default true' })),
  },
  { additionalProperties: false },
)

// ---------------------------------------------------------------- out

const Period = Type.Object({ opensAt: Type.String(), closesAt: Type.String() })

export const OfferVersionOut = Type.Object({
  offerId: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  effectiveFrom: Type.String(),
  status: VersionStatus,
  covers: Covers,
  enrolment: Nullable(Period),
  useBefore: Nullable(Type.String()),
  validDays: Nullable(Type.Integer()),
  exams: Type.Object({
    families: Type.Array(Type.String()),
    prefixes: Type.Array(Type.String()),
    numbers: Type.Array(Type.String()),
    priceClasses: Type.Array(Type.String()),
  }),
  providers: Type.Array(Type.String()),
  paymentMethods: Type.Array(Type.String()),
  combinable: Type.Boolean(),
  benefit: Type.Object({
    kind: Type.String(),
    exams: Type.Optional(Type.Integer()),
    percent: Type.Optional(Type.Integer()),
  }),
  afterPass: Nullable(
    Type.Object({
      percent: Type.Integer(),
      passedFrom: Type.String(),
      passedUntil: Type.String(),
      bookBefore: Type.String(),
    }),
  ),
  usesPerCode: Nullable(Type.Integer()),
  returnOnCancel: Type.Boolean(),
  changed: Type.Array(Type.Enum([...OFFER_TERMS]), {
    description:
      'The terms in which this version differs from the one before it (lists compared as sets); empty for version 1',
  }),
})

const InForce = Nullable(
  Type.Integer({ description: 'The version in force now; null before the first takes effect' }),
)

export const OfferOut = Type.Object({
  id: Type.String({ examples: ['second-shot'] }),
  name: Type.String({ description: 'The name of the version in force (else of the latest)' }),
  inForce: InForce,
  versions: Type.Array(OfferVersionOut, { description: 'Every version, oldest first' }),
})

export const OfferSummaryOut = Type.Object({
  id: Type.String({ examples: ['second-shot'] }),
  name: Type.String({ description: 'The name of the version in force (else of the latest)' }),
  inForce: InForce,
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      name: Type.String(),
      effectiveFrom: Type.String(),
      status: VersionStatus,
      covers: Covers,
    }),
    { description: 'Every version, oldest first' },
  ),
})

/** What a scope covers, as a sentence: `Covers exams numbered 070-… at regular price.` */
export function computeCovers(scope: ExamScope): string {
  return `Covers ${describeScope(scope)}.`
}

export function toOfferVersionOut(version: OfferVersionView) {
  const optional = (instant: number | null) => (instant === null ? null : toInstantOut(instant))
  return {
    offerId: version.offerId,
    version: version.version,
    name: version.name,
    effectiveFrom: toInstantOut(version.effectiveFrom),
    status: version.status,
    covers: computeCovers(version.exams),
    enrolment: version.enrolment && {
      opensAt: toInstantOut(version.enrolment.opensAt),
      closesAt: toInstantOut(version.enrolment.closesAt),
    },
    useBefore: optional(version.useBefore),
    validDays: version.validDays,
    exams: {
      families: [...version.exams.families],
      prefixes: [...version.exams.prefixes],
      numbers: [...version.exams.numbers],
      priceClasses: [...version.exams.priceClasses],
    },
    providers: [...version.providers],
    paymentMethods: [...version.paymentMethods],
    combinable: version.combinable,
    benefit: { ...version.benefit },
    afterPass: version.afterPass && {
      percent: version.afterPass.percent,
      passedFrom: toInstantOut(version.afterPass.passedFrom),
      passedUntil: toInstantOut(version.afterPass.passedUntil),
      bookBefore: toInstantOut(version.afterPass.bookBefore),
    },
    usesPerCode: version.usesPerCode,
    returnOnCancel: version.returnOnCancel,
    changed: [...version.changed],
  }
}

export function toOfferOut(offer: OfferView) {
  return {
    id: offer.offerId,
    name: offer.name,
    inForce: offer.inForce,
    versions: offer.versions.map(toOfferVersionOut),
  }
}

export function toOfferSummaryOut(offer: OfferView) {
  return {
    id: offer.offerId,
    name: offer.name,
    inForce: offer.inForce,
    versions: offer.versions.map((version) => ({
      version: version.version,
      name: version.name,
      effectiveFrom: toInstantOut(version.effectiveFrom),
      status: version.status,
      covers: computeCovers(version.exams),
    })),
  }
}
