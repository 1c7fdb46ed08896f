import { ERROR_CATALOGUE, type ErrorCode } from '../app/errors.js'

declare module 'fastify' {
  interface FastifySchema {
    /**
     * The refusals particular to this operation, as codes of the error
     * catalogue, for the OpenAPI document; those that come with the kind of
     * operation (a bad token, a bad body) are added by `computeOperationProblems`.
     */
    readonly 'x-problems'?: readonly ErrorCode[]
  }
}

/** What an operation is made of, as far as the refusals around it go. */
export interface OperationTraits {
  /** Needs a bearer token or a session (every `/v1` route but the anonymous ones). */
  readonly secured: boolean
  /** Changes something (not GET, HEAD or OPTIONS): with a session cookie it needs the CSRF token. */
  readonly changes?: boolean
  /** Only some roles may call it. */
  readonly restricted: boolean
  /** Takes a JSON body. */
  readonly body: boolean
  /** Takes path, query or header parameters that are validated. */
  readonly parameters: boolean
}

// Every route: the problem-details plugin's onRequest hook refuses a broken query, and a closing process.
const EVERY_ROUTE: readonly ErrorCode[] = ['MALFORMED_URL', 'UNAVAILABLE']
// A token is looked up in the database; a request whose database is away is refused, not hung;
// a provider token bound to no provider is refused whatever it asks.
const SECURED: readonly ErrorCode[] = [
  'UNAUTHENTICATED',
  'PROVIDER_TOKEN_UNBOUND',
  'DATABASE_UNAVAILABLE',
]
// What Fastify's body parsing and validation refuse, as `toAppError` and `useJsonBodyParser` name it.
const BODY: readonly ErrorCode[] = [
  'MALFORMED_JSON',
  'BODY_TOO_DEEP',
  'BODY_ENCODING_INVALID',
  'VALIDATION_FAILED',
  'BODY_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
]

/**
 * Every problem code an operation can answer: its own refusals and those of
 * the machinery around it, ordered by status and then as first named.
 * Connection-level refusals (`HEADERS_TOO_LARGE`, `REQUEST_TIMEOUT`) and
 * `INTERNAL_ERROR` come before any route and are left to the `default` answer.
 */
export function computeOperationProblems(
  own: readonly ErrorCode[],
  traits: OperationTraits,
): ErrorCode[] {
  const codes = new Set<ErrorCode>([...EVERY_ROUTE, ...own])
  if (traits.secured) for (const code of SECURED) codes.add(code)
  if (traits.secured && traits.changes) codes.add('CSRF_TOKEN_INVALID')
  if (traits.restricted) codes.add('FORBIDDEN')
  if (traits.body) for (const code of BODY) codes.add(code)
  if (traits.parameters) codes.add('VALIDATION_FAILED')
  return [...codes].sort((a, b) => ERROR_CATALOGUE[a].status - ERROR_CATALOGUE[b].status)
}
