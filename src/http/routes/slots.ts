import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import {
  DEFAULT_SEARCH_LIMIT,
  findSeats,
  MAX_SEARCH_LIMIT,
} from '../../app/catalogue/find-seats.js'
import {
  DEFAULT_CAPACITY,
  generateSlots,
  MAX_CAPACITY,
} from '../../app/catalogue/generate-slots.js'
import { getSlot } from '../../app/catalogue/get-slot.js'
import { MAX_PREVIEW_STARTS, previewSlots } from '../../app/catalogue/preview-slots.js'
import { MAX_RADIUS_KM } from '../../app/catalogue/seat-search-bounds.js'
import { InstantText, LocalTimeText, toInstantOut, toLocalOut } from '../schemas/instant.js'
import { Nullable } from '../schemas/nullable.js'
import { SeatOut, toSeatOut } from '../schemas/seat.js'

const GenerateBody = Type.Object(
  {
    from: Type.String({
      maxLength: 64,
      description: "RFC 3339, or a date: the start of that day on the centre's clock",
      examples: ['2026-09-01'],
    }),
    to: Type.String({
      maxLength: 64,
      description: 'Exclusive; as `from`',
      examples: ['2026-10-01'],
    }),
    every: Type.String({
      maxLength: 16,
      description: '`30m`, `2h` (elapsed time) or `1d` (same wall-clock time each day)',
      examples: ['2h'],
    }),
    daily: Type.Optional(
      Type.String({
        maxLength: 16,
        description: "Opening hours on the centre's clock: slots from open, before close",
        examples: ['09:00-17:00'],
      }),
    ),
    days: Type.Optional(
      Type.String({ maxLength: 40, description: 'Days of the week', examples: ['mon-fri'] }),
    ),
    capacity: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAX_CAPACITY, default: DEFAULT_CAPACITY }),
    ),
  },
  { additionalProperties: false },
)

const GenerateOut = Type.Object({
  centreId: Type.String(),
  timeZone: Type.String(),
  requested: Type.Integer({ description: 'Starts the schedule gives from now on' }),
  created: Type.Integer(),
  existing: Type.Integer({ description: 'Starts that already had a slot, left as they were' }),
  first: Nullable(Type.String()),
  firstLocal: Nullable(LocalTimeText),
  last: Nullable(Type.String()),
  lastLocal: Nullable(LocalTimeText),
})

const PreviewOut = Type.Object({
  centreId: Type.String(),
  timeZone: Type.String({
    description: "The centre's zone: every local time here is on its clock",
  }),
  requested: Type.Integer({ description: 'Starts the schedule gives from now on' }),
  toCreate: Type.Integer({ description: 'Of them, the slots a generation would create now' }),
  existing: Type.Integer({
    description: 'Of them, starts the centre already has a slot at (a generation leaves them)',
  }),
  capacity: Type.Integer({ description: 'Seats each new slot would have' }),
  first: Nullable(Type.String()),
  firstLocal: Nullable(LocalTimeText),
  last: Nullable(Type.String()),
  lastLocal: Nullable(LocalTimeText),
  slots: Type.Array(
    Type.Object({
      startsAt: InstantText,
      localStart: LocalTimeText,
      exists: Type.Boolean({ description: 'The centre already has a slot at this start' }),
    }),
    { description: `The first ${MAX_PREVIEW_STARTS} starts, earliest first` },
  ),
  truncated: Type.Boolean({
    description: `More than ${MAX_PREVIEW_STARTS} starts: only the first are listed`,
  }),
})

const SearchQuery = Type.Object({
  exam: Type.String({ minLength: 1, maxLength: 20, examples: ['70-620'] }),
  from: Type.Optional(Type.With(InstantText, { description: 'Default now' })),
  to: Type.Optional(
    Type.With(InstantText, { description: 'Exclusive; default 30 days after from' }),
  ),
  provider: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  near: Type.Optional(
    Type.String({
      maxLength: 64,
      description: 'latitude,longitude: nearest centres first',
      examples: ['-36.85,174.76'],
    }),
  ),
  radiusKm: Type.Optional(Type.Number({ description: 'Needs near', maximum: MAX_RADIUS_KM })),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_SEARCH_LIMIT, default: DEFAULT_SEARCH_LIMIT }),
  ),
})

const SearchOut = Type.Object({
  exam: Type.String(),
  from: Type.String({ description: 'From now at the earliest' }),
  to: Type.String(),
  items: Type.Array(SeatOut),
})

/** Slots: generating them at a centre, and finding a free seat. */
export function slotRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/centres/:id/slots/generate',
      {
        schema: {
          operationId: 'generateSlots',
          summary: "Create a centre's slots from a schedule on its clock (idempotent)",
          tags: ['centres and slots'],
          'x-problems': ['INSTANT_INVALID', 'CENTRE_NOT_FOUND', 'SLOT_SCHEDULE_INVALID'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          body: GenerateBody,
          response: { 200: GenerateOut },
        },
      },
      async (request) => {
        const result = await generateSlots(deps, { centreId: request.params.id, ...request.body })
        const zone = result.centre.timeZone
        return {
          centreId: result.centre.id,
          timeZone: zone,
          requested: result.requested,
          created: result.created,
          existing: result.existing,
          first: result.first === null ? null : toInstantOut(result.first),
          firstLocal: result.first === null ? null : toLocalOut(result.first, zone),
          last: result.last === null ? null : toInstantOut(result.last),
          lastLocal: result.last === null ? null : toLocalOut(result.last, zone),
        }
      },
    )

    app.post(
      '/centres/:id/slots/preview',
      {
        schema: {
          operationId: 'previewSlots',
          summary:
            'The slots a schedule would create at a centre, on its clock, and which it already has; nothing is stored',
          description:
            'Takes the same body as generating and refuses the same schedules; `toCreate` is what a generation with it would create now.',
          tags: ['centres and slots'],
          'x-problems': ['INSTANT_INVALID', 'CENTRE_NOT_FOUND', 'SLOT_SCHEDULE_INVALID'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          body: GenerateBody,
          response: { 200: PreviewOut },
        },
      },
      async (request) => {
        const preview = await previewSlots(deps, { centreId: request.params.id, ...request.body })
        const zone = preview.centre.timeZone
        return {
          centreId: preview.centre.id,
          timeZone: zone,
          requested: preview.requested,
          toCreate: preview.toCreate,
          existing: preview.existing,
          capacity: preview.capacity,
          first: preview.first === null ? null : toInstantOut(preview.first),
          firstLocal: preview.first === null ? null : toLocalOut(preview.first, zone),
          last: preview.last === null ? null : toInstantOut(preview.last),
          lastLocal: preview.last === null ? null : toLocalOut(preview.last, zone),
          slots: preview.starts.map((start) => ({
            startsAt: toInstantOut(start.startsAt),
            localStart: toLocalOut(start.startsAt, zone),
            exists: start.exists,
          })),
          truncated: preview.requested > preview.starts.length,
        }
      },
    )

    app.get(
      '/slots',
      {
        schema: {
          operationId: 'findSeats',
          summary: 'Find a free seat: open slots for an exam at every provider that delivers it',
          description:
            'Nearest centre first when `near` is given (then earliest first), else earliest first.',
          tags: ['centres and slots'],
          'x-problems': [
            'EXAM_NUMBER_MALFORMED',
            'INSTANT_INVALID',
            'POSITION_INVALID',
            'SEARCH_RANGE_INVALID',
            'EXAM_NOT_FOUND',
            'PROVIDER_UNKNOWN',
          ],
          querystring: SearchQuery,
          response: { 200: SearchOut },
        },
      },
      async (request) => {
        const search = await findSeats(deps, request.query, request.principal)
        return {
          exam: search.exam.number,
          from: toInstantOut(search.from),
          to: toInstantOut(search.to),
          items: search.items.map((seat) => toSeatOut(seat, seat.distanceKm)),
        }
      },
    )

    app.get(
      '/slots/:id',
      {
        schema: {
          operationId: 'getSlot',
          summary: 'One slot, with its centre and free seats',
          tags: ['centres and slots'],
          'x-problems': ['SLOT_NOT_FOUND'],
          params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
          response: { 200: SeatOut },
        },
      },
      async (request) => {
        return toSeatOut(await getSlot(deps, request.params.id, request.principal))
      },
    )
  }
}
