import type { Kysely } from 'kysely'
import { type ChangeStamp, changeWatchOf, sameStamp } from './change-watch.js'
import type { DB } from './schema.js'

/** Remembered reads per database kept at most; beyond, all are forgotten at once. */
const LIMIT = 10_000

/** A read, and what it found once that has arrived. */
interface Remembered {
  readonly read: Promise<unknown>
  arrived: boolean
  value: unknown
}

const memories = new WeakMap<Kysely<DB>, Memory>()

/**
 * Reads that may be answered from memory, for one question about the
 * database asked now (take a new one for each question: it stands for the
 * database as it was when it was taken).
 */
export interface UnchangedReads {
  /**
   * `load()`, or the result of an earlier `load()` for the same `kind` and
   * `key` if nothing at all has been committed to the database since that
   * earlier read began: the answer a new read would give. A remembered
   * value is shared by every caller and must not be changed; a read that
   * fails is not remembered. A remembered value that has arrived is
   * returned as it is, not wrapped in a new promise (no allocation per
   * hit on the busiest read); `await` takes either.
   */
  remember<T>(kind: string, key: string, load: () => Promise<T>): T | Promise<T>
}

const READ_NOW: UnchangedReads = { remember: (_kind, _key, load) => load() }

/**
 * Reads answered from memory while the database is unchanged. Only on
 * SQLite, outside transactions (see `SqliteChangeWatch`): any write run on
 * the connection, and any commit by another connection or process, makes
 * everything remembered be forgotten. Elsewhere (PostgreSQL, a transaction,
 * a connection busy with one) every read is made.
 */
export function unchangedReads(db: Kysely<DB>): UnchangedReads {
  const watch = db.isTransaction ? undefined : changeWatchOf(db)
  // Taken once per question, after it was asked: it sees every commit made before.
  const stamp = watch?.stamp()
  if (!stamp) return READ_NOW
  let memory = memories.get(db)
  if (!memory || !sameStamp(memory.stamp, stamp) || memory.size >= LIMIT) {
    // Something may have changed (or too much is kept): forget it all.
    memory = new Memory(stamp)
    memories.set(db, memory)
  }
  return memory
}

/** What was read since one moment of the database's history. */
class Memory implements UnchangedReads {
  readonly #reads = new Map<string, Map<string, Remembered>>()
  size = 0

  /** `stamp`: the moment every remembered read was started at or after. */
  constructor(readonly stamp: ChangeStamp) {}

  remember<T>(kind: string, key: string, load: () => Promise<T>): T | Promise<T> {
    let reads = this.#reads.get(kind)
    if (!reads) {
      reads = new Map()
      this.#reads.set(kind, reads)
    }
    const hit = reads.get(key)
    if (hit) return (hit.arrived ? hit.value : hit.read) as T | Promise<T>
    // The read starts after the stamp was taken, so it sees at least what
    // the stamp stands for; anything committed since makes the next stamp
    // differ, and this memory is then dropped.
    const read = load()
    const entry: Remembered = { read, arrived: false, value: undefined }
    reads.set(key, entry)
    this.size++
    const remembered = reads
    read.then(
      (value) => {
        entry.value = value
        entry.arrived = true
      },
      () => {
        if (remembered.get(key) === entry) remembered.delete(key)
      },
    )
    return read
  }
}

/** A key made of several strings, told apart whatever they contain. */
export function keyOf(...parts: readonly string[]): string {
  let key = ''
  for (const part of parts) key += `${part.length}:${part}`
  return key
}
