import { isUtf8 } from 'node:buffer'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../app/errors.js'
import { isNestedDeeperThan } from './json-depth.js'

/** Deeper than any request of this API by far: its bodies nest a few levels. */
export const MAX_JSON_DEPTH = 32

type ParserDone = (error: Error | null, body?: unknown) => void
type TextParser = (request: FastifyRequest, body: string, done: ParserDone) => void

// U+FFFD encoded: what the bytes hold when the replacement character was sent as such.
const REPLACEMENT_BYTES = Buffer.from('\ufffd', 'utf8')

/**
 * Replaces Fastify's `application/json` parser with one that reads the raw
 * bytes first: a body nested deeper than MAX_JSON_DEPTH is refused before it
 * is parsed (`BODY_TOO_DEEP`), and one that is not valid UTF-8 is refused
 * (`BODY_ENCODING_INVALID`) instead of being decoded with U+FFFD in place of the bad
 * bytes and stored so. The rest is Fastify's own parser, prototype-poisoning
 * checks included.
 */
export function useJsonBodyParser(app: FastifyInstance): void {
  const parseText = app.getDefaultJsonParser('error', 'error') as TextParser
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer' },
    (request: FastifyRequest, body: Buffer, done: ParserDone) => {
      if (isNestedDeeperThan(body, MAX_JSON_DEPTH)) {
        done(new AppError('BODY_TOO_DEEP', { location: 'body', maxDepth: MAX_JSON_DEPTH }))
        return
      }
      if (!isUtf8(body)) {
        done(notUtf8(body))
        return
      }
      parseText(request, body.toString('utf8'), done)
    },
  )
}

/** The refusal of a body that is not UTF-8, naming the field when that can be told for sure. */
function notUtf8(body: Buffer): AppError {
  const field = findBrokenField(body)
  return new AppError('BODY_ENCODING_INVALID', {
    ...(field === null ? {} : { field }),
    location: 'body',
  })
}

/**
 * The field whose text held the bad bytes: decoded with replacement, the
 * first string holding U+FFFD. Only when the body sent no U+FFFD of its own,
 * so that every U+FFFD seen stands for bad bytes.
 */
function findBrokenField(body: Buffer): string | null {
  if (body.includes(REPLACEMENT_BYTES)) return null
  let value: unknown
  try {
    value = JSON.parse(body.toString('utf8'))
  } catch {
    return null
  }
  const path = findReplaced(value)
  return path === null || path.length === 0 ? null : path.join('.')
}

function findReplaced(value: unknown): readonly string[] | null {
  if (typeof value === 'string') return value.includes('\ufffd') ? [] : null
  if (typeof value !== 'object' || value === null) return null
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\ufffd')) return [key]
    const path = findReplaced(item)
    if (path !== null) return [key, ...path]
  }
  return null
}
