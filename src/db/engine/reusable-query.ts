import {
  type Compilable,
  type CompiledQuery,
  type DialectAdapter,
  type Insertable,
  type Kysely,
  type KyselyPlugin,
  PostgresAdapter,
  type QueryResult,
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
  const run = reusableStatement(build)
  return async (db, ...args) => (await run(db, ...args)).rows
}

/**
 * `reusableQuery` for a statement whose result is more than its rows: an
 * UPDATE or INSERT, answering with `numAffectedRows`.
 */
export function reusableStatement<A extends readonly unknown[], O>(
  build: (db: Kysely<DB>, ...args: A) => Compilable<O>,
): (db: Kysely<DB>, ...args: A) => Promise<QueryResult<O>> {
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
    return db.executeQuery<O>({ ...entry.query, parameters })
  }
}

/**
 * A reusable INSERT of one row into `table`: compiled once for each set of
 * columns a row brings (columns whose value is undefined are left out, as
 * Kysely leaves them out), then run with the row's values. Values must be
 * plain values, not SQL expressions. With `ignoreConflictOn`, a row that
 * would repeat that unique column is skipped. Resolves to the rows
 * inserted: 1, or 0 when skipped.
 */
export function reusableInsert<T extends keyof DB & string>(
  table: T,
  options: { readonly ignoreConflictOn?: keyof DB[T] & string } = {},
): (db: Kysely<DB>, row: Insertable<DB[T]>) => Promise<number> {
  const byColumns = new Map<
    string,
    (db: Kysely<DB>, ...values: unknown[]) => Promise<QueryResult<unknown>>
  >()
  const conflictColumn = options.ignoreConflictOn
  return async (db, row) => {
    const fields = row as Record<string, unknown>
    const columns = Object.keys(fields).filter((column) => fields[column] !== undefined)
    const signature = columns.join(',')
    let insert = byColumns.get(signature)
    if (!insert) {
      insert = reusableStatement((db: Kysely<DB>, ...values: unknown[]) => {
        const query = db
          .insertInto(table)
          .values(Object.fromEntries(columns.map((column, i) => [column, values[i]])) as never)
        return conflictColumn === undefined
          ? query
          : query.onConflict((conflict) => conflict.column(conflictColumn as never).doNothing())
      })
      byColumns.set(signature, insert)
    }
    const result = await insert(db, ...columns.map((column) => fields[column]))
    return Number(result.numAffectedRows ?? 0n)
  }
}

function samePlugins(a: readonly KyselyPlugin[], b: readonly KyselyPlugin[]): boolean {
  return a.length === b.length && a.every((plugin, i) => plugin === b[i])
}
