import type { FastifyRequest } from 'fastify'
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

/** A `preHandler` hook: runs after schema validation, so the schema's own refusals come first. */
export async function refuseUnstorableText(request: FastifyRequest): Promise<void> {
  for (const [part, location, label] of PARTS) {
    const found = findUnstorableText(request[part], [])
    if (found === null) continue
    const field = found.path.length === 0 ? undefined : found.path.join('.')
    const problem = `${found.problem} (${label})`
    throw new AppError('VALIDATION_FAILED', {
      ...(field === undefined ? {} : { field }),
      location,
      problem,
      errors: [{ ...(field === undefined ? {} : { field }), problem }],
    })
  }
}

// With the u flag a surrogate pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /\p{Surrogate}/u

interface Found {
  readonly path: readonly string[]
  readonly problem: string
}

function findUnstorableText(value: unknown, path: readonly string[]): Found | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { path, problem: 'must not contain the character U+0000' }
    if (LONE_SURROGATE.test(value)) return { path, problem: 'must be valid Unicode text' }
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value)
  for (const [key, item] of entries) {
    const found = findUnstorableText(item, [...path, key])
    if (found !== null) return found
  }
  return null
}
