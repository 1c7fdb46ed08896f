import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox'
import type { FastifySchemaCompiler } from 'fastify'
import { type TSchema, Type } from 'typebox'
import { Compile } from 'typebox/compile'

type Compiler = FastifySchemaCompiler<TSchema>

/**
 * TypeBox's validator compiler (bodies checked strictly; path, query and
 * headers converted to the schema's types first), with one shortcut: a part
 * whose schema is an object of strings only (most paths and queries) is
 * checked as it came, and converted only if that check fails. Converting
 * such a value that passes changes nothing (a string converts to itself),
 * so the answers are the same; the conversion, slower than the check, is
 * spared on the paths every request takes.
 */
export const validatorCompiler: Compiler = (route) => {
  const { schema, httpPart } = route
  const full = TypeBoxValidatorCompiler(route)
  if (httpPart === 'body' || !isObjectOfStrings(schema)) return full
  const check = Compile(schema)
  return (value) => (check.Check(value) ? { value } : full(value))
}

function isObjectOfStrings(schema: TSchema): boolean {
  if (!Type.IsObject(schema)) return false
  if ('additionalProperties' in schema && typeof schema.additionalProperties === 'object') {
    return false
  }
  if ('patternProperties' in schema) return false
  return Object.values(schema.properties).every((property) => Type.IsString(property))
}
