import type { FastifyReply } from 'fastify'
import { PROBLEM_MEMBERS } from '../app/error-facts.js'
import type { AppError, ErrorCode } from '../app/errors.js'

/** The media type of every error answer (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8'

/** An error answer: the RFC 9457 members, our stable `code`, and the error's facts beside them. */
export interface ProblemDetails {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly code: ErrorCode
  readonly detail: string
  readonly field?: string
  readonly requestId: string
  readonly [fact: string]: unknown
}

// Members the facts may not overwrite: a fact called `status` must not change the answer.
const RESERVED: ReadonlySet<string> = new Set(PROBLEM_MEMBERS)

/** The problem type URI of a code; absolute, as RFC 9457 asks, and stable like the code. */
export function computeProblemType(code: ErrorCode): string {
  return `urn:examdesk:problem:${code}`
}

/** The problem+json body for an `AppError` answered to request `requestId`. */
export function computeProblem(error: AppError, requestId: string): ProblemDetails {
  const { field, ...facts } = error.facts
  const rest: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(facts)) {
    if (!RESERVED.has(key) && value !== undefined) rest[key] = value
  }
  return {
    type: computeProblemType(error.code),
    title: error.title,
    status: error.status,
    code: error.code,
    detail: error.message,
    ...(field === undefined ? {} : { field }),
    requestId,
    ...rest,
  }
}

/** JSON text of a problem; facts that JSON cannot hold (a bigint, a cycle) must not turn a 4xx into a crash. */
function serializeProblem(problem: ProblemDetails): string {
  try {
    return JSON.stringify(problem, (_key, value) =>
      typeof value === 'bigint' ? value.toString() : value,
    )
  } catch {
    const { type, title, status, code, detail, field, requestId } = problem
    return JSON.stringify({ type, title, status, code, detail, field, requestId })
  }
}

const answeredCodes = new WeakMap<FastifyReply, ErrorCode>()

/** The code a reply was answered with by `sendProblem`, if it was; for counting and logging refusals. */
export function problemCodeOf(reply: FastifyReply): ErrorCode | undefined {
  return answeredCodes.get(reply)
}

/** Records the code a reply answers with where it is not problem+json (a page), for the same counting and logging. */
export function recordProblemCode(reply: FastifyReply, code: ErrorCode): void {
  answeredCodes.set(reply, code)
}

/**
 * Answers the request with `error` as problem+json. The body is sent as text
 * so that a route's own response schema for that status never reshapes it.
 */
export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  const requestId = reply.request.id
  const problem = computeProblem(error, requestId)
  answeredCodes.set(reply, error.code)
  reply.code(problem.status).header('content-type', PROBLEM_CONTENT_TYPE)
  reply.header('x-request-id', requestId)
  // RFC 9110 and 6585: a 503 or 429 says when to come back, in whole seconds: the refusal's own
  // wait (a throttle's lock) or its code's.
  const retryAfter =
    typeof problem.retryAfter === 'number' ? problem.retryAfter : error.retryAfterSeconds
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter))
  // RFC 9110: a 401 must say which scheme would work.
  if (problem.status === 401 && !reply.hasHeader('www-authenticate')) {
    reply.header('www-authenticate', 'Bearer realm="examdesk"')
  }
  return reply.send(serializeProblem(problem))
}
