import type { Kysely, Transaction } from 'kysely'
import { runInTransaction } from '../db/engine/group-commit.js'
import type { DB } from '../db/engine/schema.js'
import { violatedTable } from '../db/engine/unique-violation.js'
import {
  claimIdempotencyKey,
  completeIdempotencyRecord,
  findIdempotencyRecord,
  type KeyClaim,
} from '../db/idempotency-keys.js'
import { type Catalogue, catalogueIn } from './catalogue/catalogue-cache.js'
import type { Clock } from './clock.js'
import { AppError } from './errors.js'
import type { IdempotencyKey, Idempotent } from './idempotent.js'

/** What a command's work is handed beside its transaction. */
export interface CommandContext {
  /** The catalogue as remembered; a miss is read through the command's transaction. */
  readonly catalogue: Catalogue
  /**
   * Writes to make after the answer is stored under the idempotency key:
   * shared counters (a slot's seats, a code's uses), so that the rows every
   * booking updates are held from their update to the commit only.
   */
  afterAnswer(writes: () => Promise<void>): void
  /**
   * For a command run with `claimKeyInWork`: the caller's key, to be
   * claimed by the work's first statement (a booking's facts read claims it
   * in the same round trip on PostgreSQL), or null when there is none to
   * claim or it was taken already. A claim not taken is made after the work.
   */
  takeKeyClaim(): KeyClaim | null
}

export interface CommandOptions {
  /**
   * The caller's key and a fingerprint of what they asked (`hashRequest`):
   * a retried request gets the first answer instead of acting twice; the
   * same key with another request is IDEMPOTENCY_KEY_REUSED. Without a key
   * (null) nothing is stored.
   */
  readonly idempotency?: { readonly key: IdempotencyKey | null; readonly requestHash: string }
  /**
   * What losing a race on a table's unique index means: the refusal to
   * answer with, or `retry` to run the command again, which then reads
   * what its concurrent twin wrote. Any other unique violation is thrown.
   */
  readonly onConflict?: Readonly<Record<string, 'retry' | (() => Error | Promise<Error>)>>
  /**
   * The work claims the key itself (`takeKeyClaim`) with its first
   * statement, before any write, saving the claim its own round trip.
   */
  readonly claimKeyInWork?: boolean
}

/** Times a command lost to a concurrent twin is run again before its conflict is thrown. */
const CONFLICT_RETRIES = 3

type CommandDeps = { readonly db: Kysely<DB>; readonly clock: Clock }

/**
 * Runs one writing command: its work in one transaction, committed with
 * others on SQLite (`runInTransaction`); stored under the caller's
 * idempotency key when one is given; a unique-index race turned into its
 * refusal or a retry. A refusal stores nothing: retrying it tries again.
 * Every command that writes goes through here, so each gets the same.
 */
export function runCommand<T>(
  deps: CommandDeps,
  options: CommandOptions & Required<Pick<CommandOptions, 'idempotency'>>,
  work: (trx: Transaction<DB>, command: CommandContext) => Promise<T>,
): Promise<Idempotent<T>>
/** `runCommand` for a command that takes no idempotency key: its answer as it is. */
export function runCommand<T>(
  deps: CommandDeps,
  options: Omit<CommandOptions, 'idempotency'>,
  work: (trx: Transaction<DB>, command: CommandContext) => Promise<T>,
): Promise<T>
export async function runCommand<T>(
  deps: CommandDeps,
  options: CommandOptions,
  work: (trx: Transaction<DB>, command: CommandContext) => Promise<T>,
): Promise<Idempotent<T> | T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await runOnce(deps, options, work)
      return options.idempotency === undefined ? answer.result : answer
    } catch (error) {
      const table = violatedTable(error)
      // The key was answered before, or a concurrent twin with it committed first: answer as it did.
      if (table === 'idempotency_keys' && options.idempotency?.key) {
        const { key, requestHash } = options.idempotency
        const first = await findIdempotencyRecord(deps.db, key.principalId, key.key)
        if (first) return replay<T>(first, requestHash)
      }
      const meaning = table === null ? undefined : options.onConflict?.[table]
      if (meaning === undefined) throw error
      if (meaning !== 'retry') throw await meaning()
      if (attempt > CONFLICT_RETRIES) throw error
    }
  }
}

async function runOnce<T>(
  deps: CommandDeps,
  options: CommandOptions,
  work: (trx: Transaction<DB>, command: CommandContext) => Promise<T>,
): Promise<Idempotent<T>> {
  const { idempotency } = options
  const key = idempotency?.key ?? null
  const result = await runInTransaction(deps.db, async (trx) => {
    let claim: KeyClaim | null =
      key === null
        ? null
        : { ...key, requestHash: idempotency!.requestHash, createdAt: deps.clock.now() }
    // Claim the key first: a retry of an answered request, or a concurrent
    // twin, stops here instead of acting (no read before: a new key, the
    // common case, costs no extra query).
    if (claim !== null && !options.claimKeyInWork) {
      await claimIdempotencyKey(trx, claim)
      claim = null
    }
    let last: (() => Promise<void>) | null = null
    const answer = await work(trx, {
      catalogue: catalogueIn(deps, trx),
      afterAnswer(writes) {
        last = writes
      },
      takeKeyClaim() {
        const taken = claim
        claim = null
        return taken
      },
    })
    // Still stored with the work, so a twin that committed first makes this one fail and replay it.
    if (claim !== null) await claimIdempotencyKey(trx, claim)
    if (key !== null) await completeIdempotencyRecord(trx, key.principalId, key.key, 200, answer)
    // TypeScript cannot see the callback's assignment.
    await (last as (() => Promise<void>) | null)?.()
    return answer
  })
  return { result, replayed: false }
}

function replay<T>(
  record: { readonly requestHash: string; readonly response: unknown },
  requestHash: string,
): Idempotent<T> {
  if (record.requestHash !== requestHash)
    throw new AppError('IDEMPOTENCY_KEY_REUSED', { field: 'Idempotency-Key' })
  return { result: record.response as T, replayed: true }
}
