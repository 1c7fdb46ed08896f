import {
  type Compilable,
  type CompiledQuery,
  type DialectAdapter,
  type Kysely,
  type KyselyPlugin,
  PostgresAdapter,
} from 'kysely'
import { keepPrepared } from './prepared-statements.js'
import type { DB } from './schema.js'

/**
 * A query built and compiled once per database (its transactions
 * included), then run with new argument values: Kysely spends more time
 * building and compiling a small query than SQLite spends running it, which
 * matters on the paths every request takes.
 *
 * On PostgreSQL the statement is also kept prepared on each connection
 * (`keepPrepared`): parsed and planned once, not on every run.
 *
 * `build` receives placeholder values in place of the arguments; each must
 * reach the SQL as a parameter (they are found by identity and replaced).
 *
 * @example
 * const candidateById = reusableQuery((db, id: string) =>
 *   db.selectFrom('candidates').selectAll().where('id', '=', id))
 * const rows = await candidateById(db, 'cand-ana')
 */
export function reusableQuery<A extends readonly unknown[], O>(
  build: (db: Kysely<DB>, ...args: A) => Compilable<O>,
): (db: Kysely<DB>, ...args: A) => Promise<O[]> {
  // Keyed by the dialect adapter, which a database and each of its
  // transactions share (a transaction is a new Kysely object every time),
  // and checked against the plugins, which change what a query compiles to.
  const compiledFor = new WeakMap<
    DialectAdapter,
    {
      readonly plugins: readonly KyselyPlugin[]
      readonly query: CompiledQuery<O>
      readonly slots: number[][]
    }
  >()
  return async (db, ...args) => {
    const executor = db.getExecutor()
    let entry = compiledFor.get(executor.adapter)
    if (!entry || !samePlugins(entry.plugins, executor.plugins)) {
      const placeholders = args.map((_, i) => `\u0000argument ${i}\u0000`) as unknown as A
      const query = build(db, ...placeholders).compile()
      const slots = placeholders.map((placeholder) =>
        query.parameters.flatMap((value, index) => (value === placeholder ? [index] : [])),
      )
      if (slots.some((found) => found.length === 0)) {
        throw new Error(
          `reusableQuery: an argument does not reach the SQL as a parameter: ${query.sql}`,
        )
      }
      entry = { plugins: [...executor.plugins], query, slots }
      if (executor.adapter instanceof PostgresAdapter) keepPrepared(query.sql)
      compiledFor.set(executor.adapter, entry)
    }
    const parameters = [...entry.query.parameters]
    entry.slots.forEach((found, i) => {
      for (const index of found) parameters[index] = args[i]
    })
    const result = await db.executeQuery<O>({ ...entry.query, parameters })
    return result.rows
  }
}

function samePlugins(a: readonly KyselyPlugin[], b: readonly KyselyPlugin[]): boolean {
  return a.length === b.length && a.every((plugin, i) => plugin === b[i])
}
