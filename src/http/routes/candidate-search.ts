import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import { listCandidateAudit } from '../../app/candidates/list-candidate-audit.js'
import { searchCandidates } from '../../app/candidates/search-candidates.js'
import { computePaging } from '../../app/page.js'
import { isOnBehalf } from '../../domain/acted-by.js'
import type { AuditEntry } from '../../domain/audit-entry.js'
import { SEARCH_MATCHES } from '../../domain/candidate-search.js'
import { toInstantOut } from '../schemas/instant.js'
import { PageOut, PagingFields, PagingQuery } from '../schemas/paging.js'
import { ActorNames, AuditActorOut, toAuditActorOut } from '../schemas/registration.js'

const FoundCandidateOut = Type.Object({
  id: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.String(),
  country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  timeZone: Type.String({ description: 'IANA time zone' }),
  matchedBy: Type.Enum([...SEARCH_MATCHES], {
    description:
      'Why the candidate was found: their id, their email, a registration of theirs, a voucher code issued to them, or their name',
  }),
})

const AuditTimelineEntryOut = Type.Object({
  at: Type.String(),
  action: Type.String({ examples: ['registered', 'profile-changed', 'mail-resent'] }),
  subject: Type.Object(
    {
      type: Type.String({ examples: ['registration', 'candidate', 'account', 'mail'] }),
      id: Type.String(),
    },
    { description: 'The record acted on' },
  ),
  actor: AuditActorOut,
  channel: Type.String({ examples: ['api', 'phone', 'web'] }),
  reason: ActorNames.reason,
  onBehalf: Type.Boolean({ description: 'Done by support staff or an admin for the candidate' }),
  detail: Type.Record(Type.String(), Type.Unknown(), {
    description: 'What changed; every voucher code in it masked to its last four characters',
  }),
})

function toAuditTimelineEntryOut(entry: AuditEntry) {
  return {
    at: toInstantOut(entry.at),
    action: entry.action,
    subject: { type: entry.subjectType, id: entry.subjectId },
    actor: toAuditActorOut(entry),
    channel: entry.channel,
    reason: entry.reason ?? null,
    onBehalf: isOnBehalf(entry.actorRole),
    detail: entry.detail,
  }
}

/** `GET /v1/candidates` (support's one search box) and a candidate's audit timeline. */
export function candidateSearchRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.get(
      '/candidates',
      {
        schema: {
          operationId: 'searchCandidates',
          summary: 'Find a candidate by id, email, registration id, voucher code or name',
          description:
            'One box for whatever the caller reads out. `q` is tried as a candidate id; an email (whole, case ignored); a registration id in any spelling (any case, with or without dashes, spaces or braces); a voucher code in any spelling (the candidate it was issued to); and, unless it has an `@`, as partial words of a name: accents and case ignored, each typed word the start of a word of the first name, last name or email local part, all of them, in any order. Exact keys come first (id, email, registration, code), then names: whole-word matches before longer words, then by last and first name. Each candidate once, with `matchedBy`. Pages say `hasMore` rather than a total: counting every candidate three letters of a name match would cost many pages.',
          tags: ['candidates'],
          querystring: Type.Object({
            q: Type.String({
              minLength: 1,
              maxLength: 200,
              pattern: '\\S',
              examples: ['lé mart', 'K7QM-2X9P-4RTC', 'ana.garcia@example.org'],
            }),
            ...PagingFields,
          }),
          response: {
            200: Type.Object({
              items: Type.Array(FoundCandidateOut),
              hasMore: Type.Boolean({
                description: 'Whether a next page (offset + limit) has more',
              }),
            }),
          },
        },
      },
      async (request) => {
        const { q, ...paging } = request.query
        const page = await searchCandidates(deps, q, computePaging(paging))
        return {
          items: page.items.map(({ candidate, matchedBy }) => ({
            id: candidate.id,
            firstName: candidate.firstName,
            lastName: candidate.lastName,
            email: candidate.email,
            country: candidate.country,
            timeZone: candidate.timeZone,
            matchedBy,
          })),
          hasMore: page.hasMore,
        }
      },
    )

    app.get(
      '/candidates/:id/audit',
      {
        schema: {
          operationId: 'listCandidateAudit',
          summary:
            "Everything done to a candidate's records, newest first: when, what, by whom, how and why",
          tags: ['candidates'],
          'x-problems': ['CANDIDATE_NOT_FOUND'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          querystring: PagingQuery,
          response: { 200: PageOut(AuditTimelineEntryOut) },
        },
      },
      async (request) => {
        const page = await listCandidateAudit(
          deps,
          request.params.id,
          computePaging(request.query),
          request.principal,
        )
        return { items: page.items.map(toAuditTimelineEntryOut), total: page.total }
      },
    )
  }
}
