import type pg from 'pg'

/**
 * SQL texts that PostgreSQL connections keep prepared, with their names.
 * PostgreSQL parses, analyses and plans every statement it is sent; for a
 * read with a few joins (what a booking checks, its history) that costs it
 * several times what running the statement does. A statement kept prepared
 * is parsed once per connection and, after a few runs, planned once too
 * (PostgreSQL then keeps a generic plan where it costs no more than a
 * custom one). Only fixed texts are named (`reusableQuery`), so each
 * connection keeps a handful.
 */
const names = new Map<string, string>()

/** Keeps `sql` prepared on each PostgreSQL connection that runs it (a fixed text; values are parameters). */
export function keepPrepared(sql: string): void {
  if (!names.has(sql)) names.set(sql, `examdesk_${names.size + 1}`)
}

// A prepared `select *` fails with this code once its table has gained a
// column (a migration run by another process): "cached plan must not change
// result type". PostgreSQL keeps failing it until it is dropped.
const CACHED_PLAN_CHANGED = '0A000'

/**
 * Makes a new pooled client send the statements named by `keepPrepared` as
 * named statements (the first run on the client prepares one, the next
 * ones only bind and execute it). A statement that fails because its
 * tables changed under it is prepared again under another name on its
 * next run, so only the run that met the change fails.
 */
export function preparingStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  const renamed = new Map<string, string>()
  const named = (text: string, values: unknown[]) => {
    const name = renamed.get(text) ?? names.get(text)
    if (name === undefined) return query(text, values)
    return (query({ name, text, values }) as Promise<unknown>).catch((error: unknown) => {
      if ((error as { code?: unknown } | null)?.code === CACHED_PLAN_CHANGED)
        renamed.set(text, `${name}_${renamed.size + 1}`)
      throw error
    })
  }
  client.query = ((...args: unknown[]) =>
    args.length === 2 && typeof args[0] === 'string' && Array.isArray(args[1])
      ? named(args[0], args[1])
      : query(...args)) as typeof client.query
}
