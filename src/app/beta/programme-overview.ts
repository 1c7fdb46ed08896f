import type { Kysely } from 'kysely'
import {
  listProgrammeOverviews,
  type ProgrammeOverviewRecord,
} from '../../db/beta/programme-overviews.js'
import type { DB } from '../../db/engine/schema.js'
import { catalogueOf } from '../catalogue/catalogue-cache.js'
import { getCatalogueExam } from '../catalogue/get-exam.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'

/** A beta programme as staff survey it. */
export type BetaProgrammeOverview = ProgrammeOverviewRecord

interface Deps {
  readonly db: Kysely<DB>
  readonly clock: Clock
}

/** Every beta exam with a programme, as staff survey them: seats, roster, waves, results and rewards. */
export function listBetaProgrammeOverviews(deps: Deps): Promise<ProgrammeOverviewRecord[]> {
  return listProgrammeOverviews(deps.db)
}

/** One beta exam's programme as staff survey it, or BETA_PROGRAMME_NOT_FOUND. */
export async function getBetaProgrammeOverview(
  deps: Deps,
  examText: string,
): Promise<ProgrammeOverviewRecord> {
  const exam = await getCatalogueExam(catalogueOf(deps), examText)
  const [overview] = await listProgrammeOverviews(deps.db, exam.number)
  if (!overview)
    throw new AppError('BETA_PROGRAMME_NOT_FOUND', { field: 'exam', exam: exam.number })
  return overview
}
