import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { appendAudit } from '../../db/audit-log.js'
import { findExam } from '../../db/catalogue/exams.js'
import type { DB } from '../../db/engine/schema.js'
import { listAttemptsOfCandidate } from '../../db/retakes/attempts.js'
import { listOfferVersions } from '../../db/vouchers/offers.js'
import {
  findReward,
  insertVoucher,
  listVouchersOfCandidate,
  type VoucherRecord,
} from '../../db/vouchers/vouchers.js'
import type { Candidate } from '../../domain/candidate.js'
import { isBetaExam } from '../../domain/exam.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import { formatInstant, type Instant } from '../../domain/instant.js'
import {
  BETA_REWARD_OFFER_ID,
  findOfferInForce,
  type OfferVersion,
  voucherExpiry,
} from '../../domain/offer.js'
import type { MailSettings } from '../../mail/mail-settings.js'
import { type ActorNames, auditNamesOf } from '../actor.js'
import { getCandidate } from '../candidates/get-candidate.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { newVoucher } from '../vouchers/new-voucher.js'
import { enqueueVoucherMail } from '../vouchers/notify-voucher.js'

/** The offer a beta participant's reward is issued under. */

export interface IssueRewardVouchersDeps {
  readonly db: Kysely<DB>
  readonly clock: Clock
  readonly mail: MailSettings
}

export interface IssueRewardVouchersInput {
  readonly candidateId: string
  /** Who issues (a token id, `cli:alice`, `beta-release`): on every code and in the audit trail. */
  readonly issuedBy: string
  /** The issuer's role, channel and names, for the audit trail; by default an admin through the API. */
  readonly issuedAs?: ActorNames & { readonly role: string; readonly channel: string }
}

/** A reward code of the candidate, and whether this run made it. */
export interface RewardVoucher {
  readonly voucher: VoucherRecord
  /** The beta exam it rewards. */
  readonly exam: ExamNumber
  readonly issuedNow: boolean
}

export interface IssuedRewards {
  readonly candidateId: string
  /** Every reward of the candidate, oldest first. */
  readonly rewards: readonly RewardVoucher[]
  readonly issuedNow: number
}

/**
 * A beta participant gets one reward voucher per beta exam taken: makes sure
 * exactly one `beta-reward` code (the version in force now) exists for each
 * beta exam the candidate sat, whatever the outcome, and mails the new ones.
 * Safe to run again and at the same time as itself: the unique index on
 * (offer, candidate, exam) keeps one code, and the loser reads it back.
 */
export async function issueRewardVouchers(
  deps: IssueRewardVouchersDeps,
  input: IssueRewardVouchersInput,
): Promise<IssuedRewards> {
  const now = deps.clock.now()
  const candidate = await getCandidate(deps, input.candidateId)
  const betaExams = await listBetaExamsTaken(deps.db, candidate.id)

  const toIssue: ExamNumber[] = []
  for (const exam of betaExams) {
    if (!(await findReward(deps.db, BETA_REWARD_OFFER_ID, candidate.id, exam))) toIssue.push(exam)
  }
  const made = new Set<string>()
  if (toIssue.length > 0) {
    const offer = await requireRewardOffer(deps.db, now)
    for (const exam of toIssue) {
      const code = await issueReward(deps, { input, candidate, offer, exam, now })
      if (code !== null) made.add(code)
    }
  }

  const rewards = (await listVouchersOfCandidate(deps.db, candidate.id))
    .filter((voucher) => voucher.offerId === BETA_REWARD_OFFER_ID && voucher.rewardForExam !== null)
    .sort(
      (a, b) =>
        a.issuedAt - b.issuedAt ||
        (a.rewardForExam! < b.rewardForExam! ? -1 : a.rewardForExam! > b.rewardForExam! ? 1 : 0),
    )
    .map((voucher) => ({
      voucher,
      exam: voucher.rewardForExam!,
      issuedNow: made.has(voucher.code),
    }))
  return { candidateId: candidate.id, rewards, issuedNow: made.size }
}

/** The distinct beta exams among the candidate's attempts, in the order first sat. */
async function listBetaExamsTaken(db: Kysely<DB>, candidateId: string): Promise<ExamNumber[]> {
  const taken: ExamNumber[] = []
  for (const attempt of await listAttemptsOfCandidate(db, candidateId)) {
    if (taken.includes(attempt.exam)) continue
    const exam = await findExam(db, attempt.exam)
    if (exam && isBetaExam(exam)) taken.push(exam.number)
  }
  return taken
}

async function requireRewardOffer(db: Kysely<DB>, now: Instant): Promise<OfferVersion> {
  const offer = findOfferInForce(
    await listOfferVersions(db, BETA_REWARD_OFFER_ID),
    BETA_REWARD_OFFER_ID,
    now,
  )
  if (!offer) throw new AppError('OFFER_NOT_FOUND', { offerId: BETA_REWARD_OFFER_ID })
  const expiresAt = voucherExpiry(offer, now)
  if (expiresAt !== null && expiresAt <= now) {
    throw new AppError('OFFER_CLOSED', {
      offerId: offer.offerId,
      reason: `Codes of ${offer.name} issued now would already have expired (${formatInstant(expiresAt)}); no reward was issued.`,
    })
  }
  return offer
}

/**
 * Issues the reward for one exam in its own transaction, with its mail and
 * audit entry; null when another run issued it first (the index said so).
 */
async function issueReward(
  deps: IssueRewardVouchersDeps,
  reward: {
    readonly input: IssueRewardVouchersInput
    readonly candidate: Candidate
    readonly offer: OfferVersion
    readonly exam: ExamNumber
    readonly now: Instant
  },
): Promise<string | null> {
  const { input, candidate, offer, exam, now } = reward
  // Another run may issue this reward between the look and the insert: the
  // index keeps one, and the look, run again, finds its code.
  return runCommand(deps, { onConflict: { vouchers: 'retry' } }, async (trx) => {
    if (await findReward(trx, BETA_REWARD_OFFER_ID, candidate.id, exam)) return null
    const voucher = newVoucher(
      offer,
      { candidateId: candidate.id, issuedBy: input.issuedBy, rewardForExam: exam },
      now,
    )
    await insertVoucher(trx, voucher)
    await enqueueVoucherMail(trx, deps.mail, { voucher, offer, candidate, now })
    await appendAudit(trx, {
      id: uuidv7(),
      at: now,
      actorId: input.issuedBy,
      actorRole: input.issuedAs?.role ?? 'admin',
      channel: input.issuedAs?.channel ?? 'api',
      ...auditNamesOf(input.issuedAs),
      candidateId: candidate.id,
      subjectType: 'voucher',
      subjectId: voucher.code,
      action: 'reward-voucher-issued',
      detail: { offerId: offer.offerId, offerVersion: offer.version, exam },
    })
    return voucher.code
  })
}
