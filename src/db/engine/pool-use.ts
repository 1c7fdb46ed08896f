import type { Kysely } from 'kysely'
import type pg from 'pg'
import type { DB } from './schema.js'

/** How a PostgreSQL pool's connections are used right now, and how many were lost so far. */
export interface PoolUse {
  /** Most connections the pool opens. */
  readonly max: number
  /** Connections lent to a request or job. */
  readonly inUse: number
  /** Open connections waiting to be lent. */
  readonly idle: number
  /** Requests and jobs waiting for a connection. */
  readonly waiting: number
  /** Connections that died under the pool (server restart, failover, proxy timeout) since it opened. */
  readonly lost: number
}

/** Counts a pool's lost connections; `readPoolUse` reports them beside its live figures. */
export interface PoolWatch {
  readonly pool: pg.Pool
  lost: number
}

const watches = new WeakMap<Kysely<DB>, PoolWatch>()

/** Makes `readPoolUse(db)` report on `pool`. */
export function registerPoolWatch(db: Kysely<DB>, watch: PoolWatch): void {
  watches.set(db, watch)
}

/** The pool behind `db` right now; null on SQLite, which has one connection and no pool. */
export function readPoolUse(db: Kysely<DB>): PoolUse | null {
  const watch = watches.get(db)
  if (watch === undefined) return null
  const { pool } = watch
  return {
    max: pool.options.max,
    inUse: pool.totalCount - pool.idleCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    lost: watch.lost,
  }
}

/** The PostgreSQL pool behind `db`; null on SQLite and for any other Kysely. */
export function poolOf(db: Kysely<DB>): pg.Pool | null {
  return watches.get(db)?.pool ?? null
}
