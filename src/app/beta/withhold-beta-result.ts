import type { Kysely } from 'kysely'
import { findBetaProgramme } from '../../db/beta/beta-programmes.js'
import { upsertWithheldResult } from '../../db/beta/withheld-results.js'
import type { DB } from '../../db/engine/schema.js'
import type { AttemptOutcome } from '../../domain/attempt.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'

/**
 * A beta result is not shown before its programme's release date, whoever
 * reports it and however (a sitting's result, an attempt recorded or
 * corrected): `stored` is what the attempt may show now, and `keep` puts the
 * real outcome aside, once the attempt exists, for the release.
 */
export async function betaResultHold(
  trx: Kysely<DB>,
  exam: ExamNumber,
  outcome: AttemptOutcome,
): Promise<{
  readonly stored: AttemptOutcome
  readonly releaseAt: Instant | null
  keep(attemptId: string, candidateId: string, now: Instant): Promise<void>
}> {
  const programme = outcome === 'pending' ? null : await findBetaProgramme(trx, exam)
  if (!programme || programme.resultsReleasedAt !== null || outcome === 'pending') {
    return { stored: outcome, releaseAt: null, keep: async () => {} }
  }
  return {
    stored: 'pending',
    releaseAt: programme.resultsReleaseAt,
    keep: (attemptId, candidateId, now) =>
      upsertWithheldResult(trx, { attemptId, exam, candidateId, outcome }, now),
  }
}
