import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'
import { AppError } from '../app/errors.js'
import type { InputLocation } from './validation-problem.js'

/**
 * Text that passes a schema but that no database stores as sent: U+0000
 * (PostgreSQL refuses it in `text`, and the request failed with a 500) and
 * lone UTF-16 surrogates (UTF-8 cannot encode them; the drivers silently
 * store U+FFFD instead). Refused up front as a 400 naming the field, on every
 * engine, so the API behaves the same on SQLite and PostgreSQL.
 */

const PARTS: readonly (readonly ['params' | 'query' | 'body', InputLocation, string])[] = [
  ['params', 'path', 'path'],
  ['query', 'query', 'query string'],
  ['body', 'body', 'body'],
]

/**
 * A `preHandler` hook: runs after schema validation, so the schema's own
 * refusals come first. Synchronous: it runs on every request.
 */
export function refuseUnstorableText(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  // Without a body or a percent-escape, the path and query hold only what
  // the HTTP parser let through in the URL: no U+0000, no surrogate.
  if (request.body === undefined && !request.url.includes('%')) {
    done()
    return
  }
  for (const [part, location, label] of PARTS) {
    const found = findUnstorableText(request[part])
    if (found === null) continue
    const field = found.path.length === 0 ? undefined : found.path.join('.')
    const problem = `${found.problem} (${label})`
    done(
      new AppError('VALIDATION_FAILED', {
        ...(field === undefined ? {} : { field }),
        location,
        problem,
        errors: [{ ...(field === undefined ? {} : { field }), problem }],
      }),
    )
    return
  }
  done()
}

// With the u flag a surrogate pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /\p{Surrogate}/u

interface Found {
  readonly path: readonly string[]
  readonly problem: string
}

/** The first unstorable string in `value`; allocates nothing while there is none. */
function findUnstorableText(value: unknown): Found | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      return { path: [], problem: 'must not contain the character U+0000' }
    if (LONE_SURROGATE.test(value)) return { path: [], problem: 'must be valid Unicode text' }
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findUnstorableText(value[index])
      if (found !== null) return { ...found, path: [String(index), ...found.path] }
    }
    return null
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    const found = findUnstorableText((value as Record<string, unknown>)[key])
    if (found !== null) return { ...found, path: [key, ...found.path] }
  }
  return null
}
