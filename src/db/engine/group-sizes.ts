/** Upper bounds of the group-size buckets: a group holds 1 to `MAX_GROUP` (64) transactions. */
const GROUP_SIZE_BOUNDS: readonly number[] = [1, 2, 4, 8, 16, 32, 64]

/** How many transactions each SQLite group commit carried, since the process started. */
export interface GroupSizesSnapshot {
  /** Upper bounds of the buckets. */
  readonly bounds: readonly number[]
  /** Groups of at most `GROUP_SIZE_BOUNDS[i]` transactions, cumulative as Prometheus wants. */
  readonly cumulative: readonly number[]
  /** Transactions committed in groups, all told. */
  readonly sum: number
  /** Groups. */
  readonly count: number
}

/** Counts group sizes as plain numbers: one observation per commit costs a few additions. */
export class GroupSizes {
  readonly #counts = new Array<number>(GROUP_SIZE_BOUNDS.length).fill(0)
  #sum = 0
  #count = 0

  observe(size: number): void {
    let bucket = 0
    while (bucket < GROUP_SIZE_BOUNDS.length - 1 && size > GROUP_SIZE_BOUNDS[bucket]!) bucket++
    this.#counts[bucket]!++
    this.#sum += size
    this.#count++
  }

  snapshot(): GroupSizesSnapshot {
    let running = 0
    const cumulative = this.#counts.map((count) => {
      running += count
      return running
    })
    return { bounds: GROUP_SIZE_BOUNDS, cumulative, sum: this.#sum, count: this.#count }
  }
}
