import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../app/app-deps.js'
import { createExam } from '../../app/catalogue/create-exam.js'
import { getExam } from '../../app/catalogue/get-exam.js'
import { listExams } from '../../app/catalogue/list-exams.js'
import { ExamOut, ExamStatus, toExamOut } from '../schemas/exam.js'

const ExamNumberText = Type.String({ minLength: 1, maxLength: 20, examples: ['70-620', '070-620'] })
const InstantText = Type.String({ maxLength: 64, examples: ['2026-12-01T09:00:00Z'] })

const CreateExamBody = Type.Object(
  {
    number: ExamNumberText,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    family: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        description: 'Derived from the prefix when absent',
      }),
    ),
    status: Type.Optional(ExamStatus),
    betaOf: Type.Optional(ExamNumberText),
    betaPeriod: Type.Optional(
      Type.Object({ start: InstantText, end: InstantText }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
)

/** `/v1/exams`: the catalogue. */
export function examRoutes(deps: AppDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()

    app.post(
      '/exams',
      {
        schema: {
          operationId: 'createExam',
          summary: 'Add an exam to the catalogue',
          tags: ['catalogue'],
          'x-problems': [
            'EXAM_NUMBER_MALFORMED',
            'INSTANT_INVALID',
            'EXAM_ALREADY_EXISTS',
            'FAMILY_UNKNOWN',
            'BETA_OF_INVALID',
            'BETA_PERIOD_INVALID',
          ],
          body: CreateExamBody,
          response: { 201: ExamOut },
        },
      },
      async (request, reply) => {
        const exam = await createExam(deps, request.body)
        return reply.code(201).header('location', `/v1/exams/${exam.number}`).send(toExamOut(exam))
      },
    )

    app.get(
      '/exams',
      {
        schema: {
          operationId: 'listExams',
          summary: 'List and search the catalogue',
          tags: ['catalogue'],
          querystring: Type.Object({
            family: Type.Optional(Type.String({ maxLength: 40 })),
            status: Type.Optional(ExamStatus),
            q: Type.Optional(
              Type.String({
                maxLength: 200,
                description: 'An exam number in either spelling, or words of the title',
              }),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
            // Bounded: a database cannot skip 1e20 rows (SQLite and PostgreSQL take a 64-bit offset).
            offset: Type.Optional(
              Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 }),
            ),
          }),
          response: { 200: Type.Object({ items: Type.Array(ExamOut), total: Type.Integer() }) },
        },
      },
      async (request) => {
        const { items, total } = await listExams(deps, request.query)
        return { items: items.map(toExamOut), total }
      },
    )

    app.get(
      '/exams/:number',
      {
        schema: {
          operationId: 'getExam',
          summary: 'One exam, by either spelling of its number',
          tags: ['catalogue'],
          'x-problems': ['EXAM_NUMBER_MALFORMED', 'EXAM_NOT_FOUND'],
          params: Type.Object({ number: ExamNumberText }),
          response: { 200: ExamOut },
        },
      },
      async (request) => toExamOut(await getExam(deps, request.params.number, 'number')),
    )
  }
}
