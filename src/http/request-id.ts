import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { holdsCode } from '../domain/code-mask.js'

/** What we accept from a caller's `X-Request-Id`: short, printable, no separators to forge log lines. */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/

/**
 * The id of a request: the caller's `X-Request-Id` when it is a sane token (so
 * a trace crosses a proxy or a client log), otherwise a fresh UUID. One that
 * looks like a voucher code is not sane: the id is written unmasked in every
 * request's log line (`requestLines`).
 */
export function computeRequestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id']
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) && !holdsCode(given)
    ? given
    : randomUUID()
}
