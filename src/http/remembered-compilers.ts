import SerializerSelector from '@fastify/fast-json-stringify-compiler'
import type { FastifySchemaCompiler } from 'fastify'
import type { TSchema } from 'typebox'
import { validatorCompiler } from './validator-compiler.js'

/**
 * The validator and serializer compilers, each compiled function remembered
 * by its schema object. Route schemas are mostly constants of their modules,
 * so a process that builds the app many times (the test suite builds one per
 * test; a benchmark one per run) compiles each of them once instead of every
 * time: compiling is most of what building the app costs. A server builds it
 * once, and gets exactly what the compilers alone would give.
 */

type Validator = ReturnType<FastifySchemaCompiler<TSchema>>
type Serializer = SerializerSelector.Serializer

const validators = new WeakMap<object, Map<string, Validator>>()
const serializers = new WeakMap<object, Map<string, Serializer>>()

export const rememberedValidatorCompiler: FastifySchemaCompiler<TSchema> = (route) => {
  const part = route.httpPart ?? ''
  return remember(validators, route.schema, part, () => validatorCompiler(route))
}

/** A `compilersFactory.buildSerializer`: Fastify's own fast-json-stringify compiler, remembered. */
export const rememberedSerializers: SerializerSelector.SerializerFactory = (
  externalSchemas,
  options,
) => {
  const compile = SerializerSelector()(externalSchemas, options)
  // Shared schemas ($ref) would make a compiled function depend on more than its own schema.
  if (externalSchemas !== undefined && Object.keys(externalSchemas as object).length > 0)
    return compile
  return (route) => remember(serializers, route.schema, route.httpStatus, () => compile(route))
}

function remember<K, F>(
  cache: WeakMap<object, Map<K, F>>,
  schema: unknown,
  key: K,
  compile: () => F,
): F {
  if (typeof schema !== 'object' || schema === null) return compile()
  let compiled = cache.get(schema)
  if (compiled === undefined) {
    compiled = new Map()
    cache.set(schema, compiled)
  }
  let found = compiled.get(key)
  if (found === undefined) {
    found = compile()
    compiled.set(key, found)
  }
  return found
}
