import { randomUUID } from 'node:crypto'
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import { AppError } from '../app/errors.js'
import { computeProblem, PROBLEM_CONTENT_TYPE } from './problem.js'

interface ClientError extends Error {
  readonly code?: string
}

/** What Node's HTTP server sets on a socket while a response is under way. */
interface HttpSocket extends Socket {
  readonly _httpMessage?: { readonly headersSent?: boolean } | null
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before any
 * request exists (headers over `maxHeaderSize`, a request line it cannot
 * read, a request that did not arrive in time) answers problem+json with a
 * catalogue code, like everything else, and the connection is closed, since
 * what follows on it cannot be read either. Nothing is logged: these are
 * the client's doing, or the network's, and come before any request id.
 */
export function createClientErrorHandler(maxHeaderSize: number) {
  return function answerClientError(error: ClientError, socket: Socket): void {
    if (error.code === 'ECONNRESET' || socket.destroyed) return
    // A response already begun on this connection cannot be followed by another.
    const answering = (socket as HttpSocket)._httpMessage
    if (socket.writable && answering?.headersSent !== true) {
      socket.write(computeRawProblem(toClientAppError(error, maxHeaderSize)))
    }
    socket.destroy(error)
  }
}

function toClientAppError(error: ClientError, maxHeaderSize: number): AppError {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new AppError('HEADERS_TOO_LARGE', { limitBytes: maxHeaderSize })
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new AppError('REQUEST_TIMEOUT')
    default:
      return new AppError('MALFORMED_REQUEST', { problem: 'the HTTP request is not well-formed' })
  }
}

/** A whole HTTP/1.1 response, written to the socket by hand: there is no request to reply to. */
function computeRawProblem(error: AppError): string {
  const requestId = randomUUID()
  const body = JSON.stringify(computeProblem(error, requestId))
  return [
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? ''}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Request-Id: ${requestId}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n')
}
