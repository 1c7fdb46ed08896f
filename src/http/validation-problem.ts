import type { FastifySchemaValidationError } from 'fastify'
import type { ErrorFactsOf } from '../app/errors.js'

/** The request part Fastify names on a validation error (its `validationContext`). */
export type ValidatedPart = 'body' | 'headers' | 'params' | 'querystring'

/** Where in the request the bad input was, named as OpenAPI names parameter locations. */
export type InputLocation = 'body' | 'query' | 'path' | 'header'

/** One thing wrong with the input: the field (dot notation, absent for the whole part) and what is wrong. */
export interface InputProblem {
  readonly field?: string
  readonly problem: string
}

const LOCATIONS: Readonly<Record<ValidatedPart, readonly [InputLocation, string]>> = {
  body: ['body', 'body'],
  querystring: ['query', 'query string'],
  params: ['path', 'path'],
  headers: ['header', 'headers'],
}

// Enough for a form to mark every field; more would only echo a huge bad payload back.
const MAX_PROBLEMS = 20

const TYPE_NOUNS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'a JSON object',
  array: 'an array',
  null: 'null',
}

const FORMAT_NOUNS: Readonly<Record<string, string>> = {
  'date-time': 'an RFC 3339 date-time such as 2026-12-01T09:00:00Z',
  date: 'a date such as 2026-12-01',
  time: 'a time such as 09:00:00Z',
  email: 'an email address',
  uuid: 'a UUID',
  uri: 'an absolute URI',
  url: 'a URL',
  duration: 'an ISO 8601 duration such as P1M',
}

/**
 * The facts of a `VALIDATION_FAILED` made from Fastify's schema errors: the
 * first field at fault and what is wrong with it, where it was, and every
 * problem found (validators report all of them; a form wants all of them).
 */
export function computeValidationFacts(
  errors: readonly FastifySchemaValidationError[],
  dataVar: ValidatedPart | undefined,
): ErrorFactsOf<'VALIDATION_FAILED'> {
  const [location, label] = LOCATIONS[dataVar ?? 'body']
  const problems = computeInputProblems(errors)
  const first = problems[0] ?? { problem: 'is invalid' }
  return {
    ...(first.field === undefined ? {} : { field: first.field }),
    location,
    problem:
      first.field === undefined ? `the ${label} ${first.problem}` : `${first.problem} (${label})`,
    errors: problems,
  }
}

/** Every problem in `errors`, in the validator's order, one line per field and fault. */
export function computeInputProblems(
  errors: readonly FastifySchemaValidationError[],
): readonly InputProblem[] {
  const usable = errors.filter((e) => !isRedundant(e, errors))
  const problems: InputProblem[] = []
  const seen = new Set<string>()
  const add = (problem: InputProblem) => {
    const key = `${problem.field ?? ''}\u0000${problem.problem}`
    if (seen.has(key) || problems.length >= MAX_PROBLEMS) return
    seen.add(key)
    problems.push(problem)
  }
  for (const error of usable) {
    const path = parseInstancePath(error.instancePath)
    for (const [extra, problem] of describe(error, usable)) {
      add({ ...computeField(extra === undefined ? path : [...path, extra]), problem })
    }
  }
  return problems
}

/**
 * TypeBox reports `additionalProperties: false` twice (as a false sub-schema
 * too), and a failed union both as a whole and branch by branch; the branch
 * errors say more, so the summary is dropped when they are there.
 */
function isRedundant(
  error: FastifySchemaValidationError,
  all: readonly FastifySchemaValidationError[],
): boolean {
  if (error.keyword === 'boolean') {
    return all.some((e) => e.keyword === 'additionalProperties')
  }
  if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
    return all.some(
      (e) => e !== error && e.keyword !== 'anyOf' && e.instancePath.startsWith(error.instancePath),
    )
  }
  return false
}

function computeField(path: readonly string[]): { field?: string } {
  return path.length === 0 ? {} : { field: path.join('.') }
}

/** `/betaPeriod/end` → ['betaPeriod', 'end'], undoing JSON Pointer's `~1` and `~0`. */
function parseInstancePath(pointer: string): readonly string[] {
  if (pointer === '' || pointer === '/') return []
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
}

/**
 * What one validator error says, as (property below the error's path, problem)
 * pairs. Reads both TypeBox's and Ajv's `params` so swapping the validator
 * keeps the messages.
 */
function describe(
  error: FastifySchemaValidationError,
  all: readonly FastifySchemaValidationError[],
): ReadonlyArray<readonly [string | undefined, string]> {
  const p = error.params
  const limit = String(p.limit ?? '')
  switch (error.keyword) {
    case 'required': {
      const missing = strings(p.requiredProperties ?? p.missingProperty)
      return missing.map((name) => [name, 'is required'] as const)
    }
    case 'additionalProperties': {
      const extra = strings(p.additionalProperties ?? p.additionalProperty)
      return extra.map((name) => [name, 'is not a known field'] as const)
    }
    case 'type':
      return [[undefined, `must be ${strings(p.type).map(nounOfType).join(' or ')}`]]
    case 'format': {
      const format = String(p.format)
      return [[undefined, `must be ${FORMAT_NOUNS[format] ?? `in the format "${format}"`}`]]
    }
    case 'const': {
      // A union of literals fails once per literal; say all the allowed values at once.
      const allowed = all
        .filter((e) => e.keyword === 'const' && e.instancePath === error.instancePath)
        .map((e) => JSON.stringify(e.params.allowedValue))
      return [
        [
          undefined,
          allowed.length > 1 ? `must be one of ${allowed.join(', ')}` : `must be ${allowed[0]}`,
        ],
      ]
    }
    case 'enum': {
      const allowed = Array.isArray(p.allowedValues) ? p.allowedValues : []
      return [[undefined, `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`]]
    }
    case 'minLength':
      return [
        [undefined, limit === '1' ? 'must not be empty' : `must have at least ${limit} characters`],
      ]
    case 'maxLength':
      return [[undefined, `must have at most ${limit} characters`]]
    case 'minimum':
      return [[undefined, `must be at least ${limit}`]]
    case 'maximum':
      return [[undefined, `must be at most ${limit}`]]
    case 'exclusiveMinimum':
      return [[undefined, `must be greater than ${limit}`]]
    case 'exclusiveMaximum':
      return [[undefined, `must be less than ${limit}`]]
    case 'minItems':
      return [[undefined, `must have at least ${limit} items`]]
    case 'maxItems':
      return [[undefined, `must have at most ${limit} items`]]
    case 'minProperties':
      return [[undefined, `must have at least ${limit} fields`]]
    case 'maxProperties':
      return [[undefined, `must have at most ${limit} fields`]]
    case 'multipleOf':
      return [[undefined, `must be a multiple of ${String(p.multipleOf)}`]]
    case 'pattern':
      return [[undefined, `must match the pattern ${String(p.pattern)}`]]
    case 'uniqueItems':
      return [[undefined, 'must not repeat an item']]
    case 'anyOf':
    case 'oneOf':
      return [[undefined, 'does not match any of the allowed forms']]
    case '~refine':
      return [[undefined, typeof p.message === 'string' ? p.message : 'is invalid']]
    default:
      return [[undefined, error.message ?? 'is invalid']]
  }
}

function strings(value: unknown): readonly string[] {
  if (Array.isArray(value)) return value.map(String)
  return value === undefined ? [] : [String(value)]
}

function nounOfType(type: string): string {
  return TYPE_NOUNS[type] ?? type
}
