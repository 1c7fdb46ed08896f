import type { Kysely } from 'kysely'
import { exclusively } from '../../db/engine/exclusively.js'
import { runInTransaction } from '../../db/engine/group-commit.js'
import type { DB } from '../../db/engine/schema.js'
import {
  countDayFromRows,
  findChangedInstants,
  findEarliestCountedInstant,
  listCountedDays,
  readCountMark,
  replaceDayCounts,
  writeCountMark,
} from '../../db/reports/day-counts.js'
import { computeClosedDays, labelDay } from '../../domain/report-period.js'
import type { Clock } from '../clock.js'

/**
 * How long a change may take from the instant stamped on its rows to its
 * commit. Counts are taken as true this long before the job started, so a
 * change that commits while a day is being counted is still found changed
 * afterwards, and its day read from the rows until counted again.
 */
export const COUNT_MARGIN_MS = 5 * 60_000

export interface CountReportDaysDeps {
  readonly db: Kysely<DB>
  readonly clock: Clock
}

export interface CountOutcome {
  /** Days counted in this run: newly closed ones and ones changed since the last run. */
  readonly counted: number
}

/**
 * Counts each closed day on the programme's clock that is not counted yet
 * or whose rows changed since the last run, then marks the counts true as
 * of the run's start (less the margin). Any process may run it at any
 * time: each day's counts are replaced whole from the rows in one
 * transaction, and on PostgreSQL the runs of several processes take turns
 * under one lock, so the last one finds little or nothing left to do.
 */
export async function countReportDays(
  deps: CountReportDaysDeps,
  timeZone: string,
): Promise<CountOutcome> {
  const { db } = deps
  return exclusively(db, 'report-day-counts', async () => {
    const asOf = deps.clock.now() - COUNT_MARGIN_MS
    const earliest = await findEarliestCountedInstant(db)
    if (earliest === null) {
      await writeCountMark(db, timeZone, asOf)
      return { counted: 0 }
    }
    const closed = computeClosedDays(earliest, asOf, timeZone)
    if (closed.length === 0) {
      await writeCountMark(db, timeZone, asOf)
      return { counted: 0 }
    }
    const counted = await listCountedDays(
      db,
      timeZone,
      closed[0]!.label,
      closed[closed.length - 1]!.label,
    )
    const since = await readCountMark(db, timeZone)
    const changed = new Set(
      since === null
        ? []
        : (await findChangedInstants(db, since, asOf)).map((at) => labelDay(at, timeZone)),
    )
    const due = closed.filter((day) => !counted.has(day.label) || changed.has(day.label))
    for (const day of due) {
      await runInTransaction(db, async (trx) => {
        const counts = await countDayFromRows(trx, day)
        await replaceDayCounts(trx, timeZone, day.label, counts, deps.clock.now())
      })
    }
    await writeCountMark(db, timeZone, asOf)
    return { counted: due.length }
  })
}
