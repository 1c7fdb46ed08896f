import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { PROBLEM_MEMBERS } from './error-facts.js'
import { AppError, ERROR_CATALOGUE } from './errors.js'

// The lines marked @ts-expect-error are proven by `npm run typecheck`: each must not compile.
describe('the facts of an error', () => {
  it('are the ones its code declares, and write its sentence', () => {
    const error = new AppError('SEAT_UNAVAILABLE', {
      field: 'slotId',
      slotId: 'slot-1',
      startsAtLocal: '2026-12-01 09:00 Europe/Paris',
    })
    expect(error.message).toBe(
      'The slot at 2026-12-01 09:00 Europe/Paris has no free seat left; choose another slot.',
    )
    expect(error.facts).toEqual({
      field: 'slotId',
      slotId: 'slot-1',
      startsAtLocal: '2026-12-01 09:00 Europe/Paris',
    })
  })

  it('may be left out only by a code that needs none', () => {
    expect(new AppError('MALFORMED_JSON').message).toBe('The request body is not valid JSON.')
    // @ts-expect-error: a seat refusal names the slot and when it starts
    expect(new AppError('SEAT_UNAVAILABLE').code).toBe('SEAT_UNAVAILABLE')
  })

  it('do not compile misspelt or missing', () => {
    const at = '2026-12-01 09:00 Europe/Paris'
    // @ts-expect-error: `startsAtLocl` is no fact of SEAT_UNAVAILABLE (it needs `startsAtLocal`)
    const misspelt = new AppError('SEAT_UNAVAILABLE', { slotId: 's1', startsAtLocl: at })
    expect(misspelt.message).toBe('The slot at  has no free seat left; choose another slot.')
    // @ts-expect-error: `startsAtLocal` is missing
    const missing = new AppError('SEAT_UNAVAILABLE', { slotId: 's1' })
    expect(missing.facts).toEqual({ slotId: 's1' })
    // @ts-expect-error: a size is a number of bytes
    expect(new AppError('BODY_TOO_LARGE', { limitBytes: '1 MB' }).status).toBe(413)
  })

  it('of a code chosen at run time are the facts every code it may be needs', () => {
    const refuse = (code: 'EXAM_NOT_FOUND' | 'SLOT_NOT_FOUND') => {
      expect(new AppError(code, { exam: '70-620', slotId: 's1' }).status).toBe(404)
      // @ts-expect-error: SLOT_NOT_FOUND needs its slot too
      expect(new AppError(code, { exam: '70-620' }).status).toBe(404)
    }
    refuse('EXAM_NOT_FOUND')
    refuse('SLOT_NOT_FOUND')
  })
})

/**
 * Each code's fact names, read from `ErrorFactsByCode` by the TypeScript
 * checker itself: the facts are types, so only the compiler can list them.
 */
function factNamesByCode(): Map<string, string[]> {
  const file = fileURLToPath(new URL('./error-facts.ts', import.meta.url))
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2023,
    lib: ['lib.es2023.d.ts'],
  })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(file)
  const declaration = source?.statements.find(
    (statement): statement is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(statement) && statement.name.text === 'ErrorFactsByCode',
  )
  if (declaration === undefined) throw new Error('ErrorFactsByCode is not in error-facts.ts')
  const names = new Map<string, string[]>()
  for (const code of checker.getTypeAtLocation(declaration).getProperties()) {
    const facts = checker.getTypeOfSymbolAtLocation(code, declaration)
    const members = facts.isUnion()
      ? facts.types.flatMap((t) => t.getProperties())
      : facts.getProperties()
    names.set(code.name, [...new Set(members.map((member) => member.name))])
  }
  return names
}

describe('the names of the facts', () => {
  // Made with the request's own id: the member and the fact are one value.
  const SAME_VALUE = new Set(['INTERNAL_ERROR.requestId'])
  let read: Map<string, string[]> | undefined
  const factNames = () => {
    read ??= factNamesByCode()
    return read
  }

  it("are none of the answer's own members, for every code", () => {
    const byCode = factNames()
    expect([...byCode.keys()].sort()).toEqual(Object.keys(ERROR_CATALOGUE).sort())
    const taken = [...byCode].flatMap(([code, names]) =>
      names
        .filter((name) => (PROBLEM_MEMBERS as readonly string[]).includes(name))
        .map((name) => `${code}.${name}`)
        .filter((fact) => !SAME_VALUE.has(fact)),
    )
    expect(taken).toEqual([])
  })

  it('name an exception request apart from the HTTP request', () => {
    const byCode = factNames()
    for (const code of [
      'EXCEPTION_REQUEST_NOT_FOUND',
      'EXCEPTION_REQUEST_EXISTS',
      'EXCEPTION_REQUEST_ALREADY_REVIEWED',
    ])
      expect(byCode.get(code)).toContain('exceptionRequestId')
  })
})
