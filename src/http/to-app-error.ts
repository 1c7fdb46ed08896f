import type { FastifyRequest, FastifySchemaValidationError } from 'fastify'
import { toDatabaseUnavailable } from '../app/database-unavailable.js'
import { AppError } from '../app/errors.js'
import { computeValidationFacts, type ValidatedPart } from './validation-problem.js'

/** The parts of a Fastify error we read; every field optional, since anything can be thrown. */
interface ThrownError {
  readonly code?: unknown
  readonly statusCode?: unknown
  readonly validation?: readonly FastifySchemaValidationError[]
  readonly validationContext?: ValidatedPart
}

// Long enough to recognise, short enough not to echo a pasted novel back.
const MAX_ECHO = 100

/**
 * What a thrown value means to the caller: the `AppError` itself, or the
 * catalogue error for a request Fastify could not read or validate, or
 * `DATABASE_UNAVAILABLE` when the database could not serve it. `null`
 * means a bug: the caller gets a 500 and the log gets the rest.
 */
export function toAppError(thrown: unknown, request: FastifyRequest): AppError | null {
  if (thrown instanceof AppError) return thrown
  if (typeof thrown !== 'object' || thrown === null) return null
  const unavailable = toDatabaseUnavailable(thrown)
  if (unavailable !== null) return unavailable
  const error = thrown as ThrownError
  if (Array.isArray(error.validation)) {
    return new AppError(
      'VALIDATION_FAILED',
      computeValidationFacts(error.validation, error.validationContext),
    )
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY': // an empty body is not JSON either
      return new AppError('MALFORMED_JSON')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_ROUTE_MISSING_CONTENT_TYPE': {
      const given = request.headers['content-type']
      return new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        given === undefined ? {} : { contentType: given.slice(0, MAX_ECHO) },
      )
    }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('BODY_TOO_LARGE', { limitBytes: request.routeOptions.bodyLimit })
    case 'FST_ERR_BAD_URL':
      return new AppError('MALFORMED_URL')
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('MALFORMED_REQUEST', { problem: 'a path segment is too long' })
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('MALFORMED_REQUEST', {
        problem: 'the body length does not match Content-Length',
      })
  }
  // Any other 4xx raised by Fastify or a parser is still the request's fault, not ours.
  const status = error.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError('MALFORMED_REQUEST')
  }
  return null
}
