/** The first wait after a failed delivery; each further failure doubles it. */
export const FIRST_RETRY_MS = 30_000
/** The longest wait between two tries. */
export const MAX_RETRY_MS = 3_600_000

/**
 * How long to wait before trying a mail again after its `tries`-th failed
 * attempt: 30 s, 1 min, 2 min, … doubling, at most an hour; never zero, so
 * a failed mail never comes round again within the same pass.
 */
export function computeRetryDelay(tries: number): number {
  const doublings = Math.max(0, Math.min(tries - 1, 30))
  return Math.min(FIRST_RETRY_MS * 2 ** doublings, MAX_RETRY_MS)
}
