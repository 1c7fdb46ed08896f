import { findBetaProgramme } from '../../db/beta/beta-programmes.js'
import { listWithheldResults, markResultReleased } from '../../db/beta/withheld-results.js'
import { findCandidate } from '../../db/candidates/candidates.js'
import { writeInstant } from '../../db/engine/columns.js'
import { updateAttemptOutcome } from '../../db/retakes/attempts.js'
import { formatInstant } from '../../domain/instant.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { catalogueOf } from '../catalogue/catalogue-cache.js'
import { getCatalogueExam } from '../catalogue/get-exam.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { issueRewardVouchers } from './issue-reward-vouchers.js'
import { enqueueBetaResultMail } from './notify-beta-result.js'
import { requireBetaProgramme } from './require-beta-programme.js'

export interface ReleasedResults {
  readonly exam: string
  readonly released: number
  readonly passed: number
  readonly failed: number
  readonly rewardsIssued: number
}

/**
 * Releases a beta's results once its date has come: every withheld outcome
 * becomes the attempt's (so a pass counts toward certifications and a fail
 * opens the live exam under the foundation rules), each candidate is
 * mailed, and every participant gets one reward code per beta exam taken.
 * Running it again releases only what was reported since.
 */
export async function releaseBetaResults(
  deps: AppDeps,
  examText: string,
  actor: Actor,
): Promise<ReleasedResults> {
  const now = deps.clock.now()
  const exam = await getCatalogueExam(catalogueOf(deps), examText)
  // Rewards first: if one cannot be issued, nothing is released, and the next run tries again.
  let rewardsIssued = 0
  const due = await findBetaProgramme(deps.db, exam.number)
  if (due && now >= due.resultsReleaseAt) {
    const waiting = await listWithheldResults(deps.db, exam.number)
    for (const candidateId of new Set(waiting.map((result) => result.candidateId))) {
      const rewards = await issueRewardVouchers(deps, {
        candidateId,
        issuedBy: actor.principalId,
        issuedAs: {
          role: actor.role,
          channel: actor.channel,
          accountId: actor.accountId,
          displayName: actor.displayName,
          tokenLabel: actor.tokenLabel,
        },
      })
      rewardsIssued += rewards.issuedNow
    }
  }
  const outcome = await runCommand(deps, {}, async (trx) => {
    const programme = await requireBetaProgramme(trx, exam.number)
    if (now < programme.resultsReleaseAt) {
      throw new AppError('BETA_RESULTS_NOT_DUE', {
        field: 'exam',
        exam: exam.number,
        releaseAt: formatInstant(programme.resultsReleaseAt),
      })
    }
    const withheld = await listWithheldResults(trx, exam.number)
    let passed = 0
    for (const result of withheld) {
      await updateAttemptOutcome(trx, result.attemptId, result.outcome, now)
      await markResultReleased(trx, result.attemptId, now)
      if (result.outcome === 'pass') passed++
      const candidate = await findCandidate(trx, result.candidateId)
      if (candidate) {
        await enqueueBetaResultMail(trx, deps.mail, {
          kind: 'beta-result-released',
          candidate,
          exam: exam.number,
          examTitle: exam.title,
          attemptId: result.attemptId,
          resultsReleaseAt: programme.resultsReleaseAt,
          outcome: result.outcome,
          liveExam: exam.betaOf,
          now,
        })
      }
    }
    await trx
      .updateTable('beta_programmes')
      .set({ results_released_at: writeInstant(now) })
      .where('exam_number', '=', exam.number)
      .execute()
    await auditAction(trx, actor, now, {
      candidateId: null,
      subjectType: 'beta-programme',
      subjectId: exam.number,
      action: 'results-released',
      detail: { released: withheld.length, passed, failed: withheld.length - passed },
    })
    return { withheld: withheld.length, passed }
  })
  return {
    exam: exam.number,
    released: outcome.withheld,
    passed: outcome.passed,
    failed: outcome.withheld - outcome.passed,
    rewardsIssued,
  }
}

/** Every programme whose results are due and not yet released, for the scheduled job. */
export async function listProgrammesDue(deps: AppDeps): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('beta_programmes')
    .select('exam_number')
    .where('results_released_at', 'is', null)
    .where('results_release_at', '<=', writeInstant(deps.clock.now()))
    .execute()
  return rows.map((row) => row.exam_number)
}
