import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { stringify } from 'csv-stringify/sync'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { type Report, type ReportDeps, readReport } from '../../app/reports/read-report.js'
import { REPORT_NAMES } from '../../domain/report.js'
import { Nullable } from '../schemas/nullable.js'

const ReportParams = Type.Object({
  report: Type.Enum([...REPORT_NAMES], { description: 'Which report' }),
})

const ReportQuery = Type.Object({
  from: Type.Optional(
    Type.String({
      description:
        'The first calendar day, on the programme’s clock (`EXAMDESK_PROGRAMME_TIME_ZONE`); 29 days before `to` unless given',
      examples: ['2026-06-01'],
      maxLength: 40,
    }),
  ),
  to: Type.Optional(
    Type.String({
      description: 'The last calendar day, included; today unless given. At most 366 days in all.',
      examples: ['2026-06-30'],
      maxLength: 40,
    }),
  ),
  provider: Type.Optional(
    Type.String({ description: 'Only this delivery provider', maxLength: 100 }),
  ),
  format: Type.Optional(
    Type.Enum(['json', 'csv'], {
      description: 'The answer as CSV (as `Accept: text/csv` asks), for a link that downloads it',
    }),
  ),
})

const ReportOut = Type.Object({
  report: Type.Enum([...REPORT_NAMES]),
  from: Type.String({ examples: ['2026-06-01'] }),
  to: Type.String({ examples: ['2026-06-30'] }),
  timeZone: Type.String({
    description: 'The programme’s clock the days are on',
    examples: ['UTC'],
  }),
  provider: Nullable(Type.String({ description: 'The provider asked for; null for all' })),
  columns: Type.Array(
    Type.Object({
      key: Type.String(),
      kind: Type.Enum(['day', 'text', 'count', 'ratio', 'hours', 'days'], {
        description:
          'A calendar day, a text, a count, a share from 0 to 1 (null when there is nothing to divide by), or a duration in hours or days',
      }),
    }),
    { description: 'The columns of each row, in order (the CSV header)' },
  ),
  rows: Type.Array(
    Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])),
    { description: 'One object a row, its values under the columns’ keys' },
  ),
})

const DESCRIPTION = `Each report counts over calendar days on the programme's clock (\`EXAMDESK_PROGRAMME_TIME_ZONE\`), \`from\` to \`to\` both included:

- \`registrations\`: per day, registrations made and registrations cancelled (holds that ended unpaid included).
- \`seat-fill\`: per week (Monday) and centre, the slots starting in it, their seats and the seats held by a registration not cancelled.
- \`pass-rates\`: per exam, attempts taken with a result and passes, of all attempts and of candidates' first attempts at the exam; results still withheld as \`pending\`.
- \`retakes\`: per exam, the attempts after an earlier one at the same exam, counted by how long after it they came, with the shortest and the average wait.
- \`codes\`: per offer version, codes issued, uses made, uses given back on a cancellation, free retakes forfeited, and codes that expired with no use kept. A provider narrows the uses to registrations at it; issuing and expiry belong to no provider.
- \`waves\`: the invitation waves composed in the period, each invited → mailed → delivered → registered → sat → passed.
- \`exception-requests\`: per reason and outcome, requests filed and decided, the median and longest hours to a decision.
- \`no-shows\`: per centre, the seats held in slots that started in the period (before now) and the no-shows among them.

The same rows come as CSV with \`Accept: text/csv\` or \`format=csv\`, as a file named after the report and its period.`

/** Whether the caller asked for CSV rather than JSON. */
function wantsCsv(request: FastifyRequest, format: string | undefined): boolean {
  if (format !== undefined) return format === 'csv'
  const accept = request.headers.accept ?? ''
  return /(^|,)\s*text\/csv\b/i.test(accept)
}

/** The report as CSV: a header of its column keys, shares as decimals, nothing for null. */
export function reportCsv(report: Report): string {
  const keys = report.columns.map((column) => column.key)
  return stringify([keys, ...report.rows.map((row) => keys.map((key) => row[key] ?? ''))])
}

/** `examdesk-seat-fill-2026-06-01-to-2026-06-30-prometric.csv` */
export function reportFilename(report: Report): string {
  const provider =
    report.provider === null ? '' : `-${report.provider.replace(/[^A-Za-z0-9-]/g, '_')}`
  return `examdesk-${report.report}-${report.period.from}-to-${report.period.to}${provider}.csv`
}

/** `/v1/reports/{report}`: the programme's reports, for admins. */
export function reportRoutes(deps: ReportDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
    app.get(
      '/reports/:report',
      {
        schema: {
          operationId: 'readReport',
          summary: 'One of the programme’s reports over a period, for one provider or all',
          description: DESCRIPTION,
          tags: ['reports'],
          'x-problems': ['REPORT_PERIOD_INVALID', 'PROVIDER_UNKNOWN'],
          params: ReportParams,
          querystring: ReportQuery,
          response: {
            200: {
              description: 'The report’s rows',
              headers: {
                'Content-Disposition': {
                  type: 'string',
                  description:
                    'For CSV: attachment; filename="examdesk-<report>-<from>-to-<to>[-<provider>].csv"',
                },
              },
              content: {
                'application/json': { schema: ReportOut },
                'text/csv': { schema: { type: 'string' } },
              },
            },
          },
        },
      },
      async (request, reply) => {
        const { format, ...input } = request.query
        const report = await readReport(deps, request.params.report, input)
        if (wantsCsv(request, format)) {
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${reportFilename(report)}"`)
            .send(reportCsv(report))
        }
        return reply.type('application/json; charset=utf-8').send({
          report: report.report,
          from: report.period.from,
          to: report.period.to,
          timeZone: report.period.timeZone,
          provider: report.provider,
          columns: [...report.columns],
          rows: [...report.rows],
        })
      },
    )
  }
}
