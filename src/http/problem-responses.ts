import { STATUS_CODES } from 'node:http'
import { ERROR_CATALOGUE, type ErrorCode } from '../app/errors.js'

/** An OpenAPI response object, as far as problem answers need one. */
export interface ProblemResponse {
  readonly description: string
  readonly headers?: Readonly<Record<string, unknown>>
  readonly content: Readonly<Record<string, { readonly schema: unknown }>>
}

const RETRY_AFTER = {
  description: 'Whole seconds to wait before sending the request again',
  schema: { type: 'integer', minimum: 1 },
}

/**
 * The OpenAPI answers for a list of problem codes: one per HTTP status (the
 * catalogue's), each naming its codes with their titles, its body the shared
 * `ProblemDetails` with `code` narrowed to those codes, and `Retry-After`
 * where the refusal passes.
 *
 * @example
 * computeProblemResponses(['SEAT_UNAVAILABLE'])
 * // { '409': { description: 'Conflict: `SEAT_UNAVAILABLE` (No seat left).', … } }
 */
export function computeProblemResponses(
  codes: readonly ErrorCode[],
): Record<string, ProblemResponse> {
  const byStatus = new Map<number, ErrorCode[]>()
  for (const code of codes) {
    const { status } = ERROR_CATALOGUE[code]
    byStatus.set(status, [...(byStatus.get(status) ?? []), code])
  }
  const responses: Record<string, ProblemResponse> = {}
  for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b)) {
    const passes =
      status === 429 || group.some((code) => 'retryAfterSeconds' in ERROR_CATALOGUE[code])
    responses[String(status)] = {
      description: `${STATUS_CODES[status] ?? 'Refused'}: ${group.map(describeCode).join(', ')}.`,
      ...(passes ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
      content: {
        'application/problem+json': {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/ProblemDetails' },
              { type: 'object', properties: { code: { type: 'string', enum: group } } },
            ],
          },
        },
      },
    }
  }
  return responses
}

/** `SEAT_UNAVAILABLE` (No seat left): a code and its catalogue title, for a person reading the reference. */
export function describeCode(code: ErrorCode): string {
  return `\`${code}\` (${ERROR_CATALOGUE[code].title})`
}
