import type { Kysely } from 'kysely'
import { listFamilies } from '../../db/catalogue/exam-families.js'
import { findExam, insertExam } from '../../db/catalogue/exams.js'
import type { DB } from '../../db/engine/schema.js'
import { listPolicyVersions } from '../../db/retakes/policy-versions.js'
import type { BetaPeriod, Exam, ExamStatus } from '../../domain/exam.js'
import { findFamilyOfNumber } from '../../domain/exam-family.js'
import { examSerial } from '../../domain/exam-number.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { requireExamNumber, requireInstant, requireName } from '../input-fields.js'
import { runCommand } from '../run-command.js'
import { forgetCatalogue } from './catalogue-cache.js'

export interface CreateExamDeps {
  readonly db: Kysely<DB>
  readonly clock: Clock
}

export interface CreateExamInput {
  readonly number: string
  readonly title: string
  readonly family?: string
  readonly status?: ExamStatus
  readonly betaOf?: string
  readonly betaPeriod?: { readonly start: string; readonly end: string }
}

/**
 * Adds an exam to the catalogue. The family follows from the number's prefix
 * unless named; an exam of a beta family previews the live exam with the same
 * serial (`71-621` previews `70-621`) unless told otherwise, and needs a beta
 * period.
 */
export async function createExam(deps: CreateExamDeps, input: CreateExamInput): Promise<Exam> {
  const now = deps.clock.now()
  const exists = () =>
    new AppError('EXAM_ALREADY_EXISTS', {
      field: 'number',
      exam: requireExamNumber(input.number, 'number'),
    })
  // A concurrent request may store the same number between the check and the insert.
  const created = await runCommand(deps, { onConflict: { exams: exists } }, async (trx) => {
    const exam = await prepareExam(trx, input)
    if (await findExam(trx, exam.number)) throw exists()
    await insertExam(trx, { ...exam, createdAt: now })
    return exam
  })
  forgetCatalogue(deps.db)
  return created
}

/** Validates an exam against the catalogue without storing it (the CSV import checks every row first). */
export async function prepareExam(db: Kysely<DB>, input: CreateExamInput): Promise<Exam> {
  const number = requireExamNumber(input.number, 'number')
  const title = requireName(input.title, 'title')
  const families = await listFamilies(db)
  const family = input.family
    ? families.find((candidate) => candidate.id === input.family)
    : findFamilyOfNumber(families, number)
  if (!family) {
    throw new AppError('FAMILY_UNKNOWN', {
      field: 'family',
      family: input.family,
      prefix: number.slice(0, 3),
    })
  }
  const policies = await listPolicyVersions(db, family.policyId)
  const isBeta = policies.some((version) => version.kind === 'beta')

  if (!isBeta) {
    if (input.betaOf !== undefined || input.betaPeriod !== undefined) {
      throw new AppError('BETA_OF_INVALID', {
        field: input.betaOf !== undefined ? 'betaOf' : 'betaPeriod',
        problem: `Only an exam of a beta family previews another exam; ${number} is in the family "${family.id}".`,
      })
    }
    return {
      number,
      title,
      family: family.id,
      policyId: family.policyId,
      status: input.status ?? 'live',
      betaOf: null,
      betaPeriod: null,
    }
  }

  const betaOf =
    input.betaOf !== undefined
      ? requireExamNumber(input.betaOf, 'betaOf')
      : `070-${examSerial(number)}`
  const twin = await findExam(db, betaOf)
  if (!twin || twin.betaOf !== null) {
    throw new AppError('BETA_OF_INVALID', {
      field: 'betaOf',
      problem: twin
        ? `${betaOf} is itself a beta exam; a beta previews a live exam.`
        : `The beta ${number} previews ${betaOf}, which is not in the catalogue; add it first or name betaOf.`,
    })
  }
  if (!input.betaPeriod) {
    throw new AppError('BETA_PERIOD_INVALID', {
      field: 'betaPeriod',
      problem: `The beta exam ${number} needs a beta period {start, end}.`,
    })
  }
  const betaPeriod: BetaPeriod = {
    start: requireInstant(input.betaPeriod.start, 'betaPeriod.start'),
    end: requireInstant(input.betaPeriod.end, 'betaPeriod.end'),
  }
  if (betaPeriod.end <= betaPeriod.start) {
    throw new AppError('BETA_PERIOD_INVALID', {
      field: 'betaPeriod.end',
      problem: 'The beta period must end after it starts.',
    })
  }
  return {
    number,
    title,
    family: family.id,
    policyId: family.policyId,
    status: input.status ?? 'beta',
    betaOf,
    betaPeriod,
  }
}
