import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { requireCandidateAccess } from '../../app/access/require-access.js'
import type { AppDeps } from '../../app/app-deps.js'
import { computePaging } from '../../app/page.js'
import { type HeldCode, listCandidateCodes } from '../../app/vouchers/list-candidate-codes.js'
import { describeScope } from '../../domain/offer.js'
import { formatVoucherCode } from '../../domain/voucher-code.js'
import { LocalTimeText, toInstantOut, toLocalOut } from '../schemas/instant.js'
import { Nullable } from '../schemas/nullable.js'
import { PageOut, PagingFields } from '../schemas/paging.js'

const HeldCodeOut = Type.Object({
  code: Type.String({ description: 'Grouped for reading', examples: ['N95RXK-VNF7BN-8VUGYP'] }),
  offer: Type.Object({ id: Type.String(), version: Type.Integer(), name: Type.String() }),
  benefit: Type.Object({
    kind: Type.Enum(['free-retake', 'percent-off', 'free-exam']),
    percent: Type.Optional(Type.Integer()),
    exams: Type.Optional(Type.Integer({ description: 'How many exams a free-retake code covers' })),
  }),
  covers: Type.String({ description: 'Which exams the code applies to, in words' }),
  issuedAt: Type.String(),
  expiresAt: Nullable(Type.String({ description: 'Every use must take place before this' })),
  expiresAtLocal: Nullable(LocalTimeText),
  state: Type.Enum(['usable', 'used-up', 'expired', 'voided']),
  firstAttemptsLeft: Nullable(
    Type.Integer({ description: 'Exams a free-retake code can still start; null for other codes' }),
  ),
  freeRetakes: Type.Array(Type.String(), {
    description: 'Exams whose free retake the code holds now',
  }),
  afterPassDiscount: Nullable(
    Type.Object({
      percent: Type.Integer(),
      bookBefore: Type.String(),
      bookBeforeLocal: LocalTimeText,
    }),
  ),
  usesLeft: Nullable(
    Type.Integer({
      description: 'Registrations a counted code can still pay for; null: no limit or not counted',
    }),
  ),
  coversExam: Nullable(
    Type.Boolean({
      description:
        "Whether the code's offer covers the exam named by `exam` (its family, prefix or number, and price class); null when none was named",
    }),
  ),
  canStill: Type.Array(Type.String(), {
    description: 'What the code can still do, one sentence each, in the candidate’s zone',
  }),
  uses: Type.Array(
    Type.Object({
      registrationId: Type.String(),
      exam: Type.String(),
      kind: Type.String({ examples: ['first-attempt', 'free-retake'] }),
      state: Type.Enum(['booked', 'awaiting-result', 'passed', 'failed', 'not-sat']),
      startsAt: Type.String(),
    }),
    {
      description: 'The uses that count: each registration that took the code, and where it stands',
    },
  ),
  returned: Type.Array(
    Type.Object({
      registrationId: Type.String(),
      exam: Type.String(),
      kind: Type.String({ examples: ['first-attempt', 'free-retake'] }),
      usedAt: Type.String(),
      returnedAt: Type.String({ description: 'When its cancellation gave the use back' }),
    }),
    { description: 'Uses that a cancellation gave back, oldest first; they no longer count' },
  ),
})

/** `GET /v1/candidates/{id}/codes`: the codes a candidate holds and what each can still do. */
export function candidateCodeRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
    app.get(
      '/candidates/:id/codes',
      {
        schema: {
          operationId: 'listCandidateCodes',
          summary: 'The codes issued to a candidate, newest first, with what each can still do',
          tags: ['vouchers'],
          'x-problems': ['CANDIDATE_NOT_FOUND', 'EXAM_NUMBER_MALFORMED', 'EXAM_NOT_FOUND'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          querystring: Type.Object({
            ...PagingFields,
            exam: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 20,
                examples: ['70-620'],
                description: 'An exam: each code then says whether its offer covers it',
              }),
            ),
          }),
          response: { 200: PageOut(HeldCodeOut) },
        },
      },
      async (request) => {
        requireCandidateAccess(request.principal, request.params.id, 'id')
        const { exam, ...paging } = request.query
        const { candidate, page } = await listCandidateCodes(
          deps,
          request.params.id,
          computePaging(paging),
          exam,
        )
        return {
          items: page.items.map((held) => toHeldCodeOut(held, candidate.timeZone)),
          total: page.total,
        }
      },
    )
  }
}

function toHeldCodeOut({ voucher, standing, returned, coversExam }: HeldCode, timeZone: string) {
  const { offer } = voucher
  const discount = standing.afterPassDiscount
  return {
    code: formatVoucherCode(voucher.code),
    offer: { id: offer.offerId, version: offer.version, name: offer.name },
    benefit: offer.benefit,
    covers: describeScope(offer.exams),
    issuedAt: toInstantOut(voucher.issuedAt),
    expiresAt: voucher.expiresAt === null ? null : toInstantOut(voucher.expiresAt),
    expiresAtLocal: voucher.expiresAt === null ? null : toLocalOut(voucher.expiresAt, timeZone),
    state: standing.state,
    firstAttemptsLeft: standing.firstAttemptsLeft,
    freeRetakes: [...standing.freeRetakes],
    afterPassDiscount:
      discount === null
        ? null
        : {
            percent: discount.percent,
            bookBefore: toInstantOut(discount.bookBefore),
            bookBeforeLocal: toLocalOut(discount.bookBefore, timeZone),
          },
    usesLeft: standing.usesLeft,
    coversExam,
    canStill: [...standing.sentences],
    uses: voucher.uses.map((use) => ({
      registrationId: use.registrationId,
      exam: use.exam,
      kind: use.kind,
      state: use.state,
      startsAt: toInstantOut(use.startsAt),
    })),
    returned: returned.map((use) => ({
      registrationId: use.registrationId,
      exam: use.exam,
      kind: use.kind,
      usedAt: toInstantOut(use.usedAt),
      returnedAt: toInstantOut(use.returnedAt),
    })),
  }
}
