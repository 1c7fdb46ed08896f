import type { Expression, ExpressionBuilder, Kysely, SelectQueryBuilder, SqlBool } from 'kysely'
import type { ExamNumber } from '../../domain/exam-number.js'
import { LIVE_STATUSES } from '../../domain/registration.js'
import type { AudienceExams, AudienceRule, AudienceTarget } from '../../domain/wave-audience.js'
import type { DB } from '../engine/schema.js'

/**
 * Who an audience names, before anything is excluded, as a subquery of
 * candidate ids: the SQL of `rule` (see AUDIENCE_RULES in
 * domain/wave-audience.ts), one select per kind of fact it reads (the
 * roster, attempts, registrations), each the OR of that kind's criteria.
 * test/db/wave-audiences.test.ts checks that it names whom `isInAudience` does.
 */
export function audienceQuery(db: Kysely<DB>, target: AudienceTarget, rule: AudienceRule) {
  const parts: AudienceQuery[] = []
  const attempts = rule.anyOf.flatMap((criterion) =>
    criterion.on === 'attempt' ? [criterion] : [],
  )
  const registrations = rule.anyOf.flatMap((criterion) =>
    criterion.on === 'registration' ? [criterion] : [],
  )
  if (rule.anyOf.some((criterion) => criterion.on === 'roster')) {
    parts.push(
      db.selectFrom('beta_roster').select('candidate_id').where('exam_number', '=', target.exam),
    )
  }
  if (attempts.length > 0) {
    parts.push(
      db
        .selectFrom('attempts')
        .innerJoin('exams', 'exams.number', 'attempts.exam_number')
        .select('attempts.candidate_id as candidate_id')
        .where((eb) =>
          eb.or(
            attempts.flatMap((criterion) => {
              const exams = amongExams(eb, criterion.exams, target)
              return exams === null ? [] : [exams]
            }),
          ),
        ),
    )
  }
  if (registrations.length > 0) {
    parts.push(
      db
        .selectFrom('registrations')
        .innerJoin('exams', 'exams.number', 'registrations.exam_number')
        .select('registrations.candidate_id as candidate_id')
        .where((eb) =>
          eb.or(
            registrations.flatMap((criterion) => {
              const exams = amongExams(eb, criterion.exams, target)
              return exams === null
                ? []
                : [eb.and([exams, eb('registrations.status', 'in', criterion.statuses)])]
            }),
          ),
        ),
    )
  }
  const [first, ...rest] = parts
  if (!first) throw new Error('An audience names no fact to look for')
  return rest.reduce((all, part) => all.union(part), first)
}

/**
 * The SQL of `isAmongExams` over the `exams` row joined in; null when it
 * names no exam (the other betas of a beta that previews no live exam).
 */
function amongExams(
  eb: ExpressionBuilder<DB, 'exams'>,
  exams: AudienceExams,
  target: AudienceTarget,
): Expression<SqlBool> | null {
  if (exams === 'this-exam') return eb('exams.number', '=', target.exam)
  if (target.liveExam === null) return null
  if (exams === 'betas-of-live-exam') return eb('exams.beta_of', '=', target.liveExam)
  return eb.and([eb('exams.beta_of', '=', target.liveExam), eb('exams.number', '!=', target.exam)])
}

/** The subquery of an audience's candidate ids. */
export type AudienceQuery = SelectQueryBuilder<DB, keyof DB, { candidate_id: string }>

/** How many distinct candidates an audience names before exclusions. */
export async function countAudience(db: Kysely<DB>, base: AudienceQuery): Promise<number> {
  const row = await db
    .selectFrom('candidates')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('candidates.id', 'in', base)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * The next `limit` candidates (by id, after `after`) that are in `base` (a
 * subquery or a list) and may be invited: not invited to this exam by any
 * wave yet (a withdrawn wave's invitations do not count), no live registration for it, no registration that still counts
 * as their one registration for the beta, not in a restricted country.
 */
export async function listInvitableChunk(
  db: Kysely<DB>,
  query: {
    readonly exam: ExamNumber
    readonly restrictedCountries: readonly string[]
    readonly base: AudienceQuery | readonly string[]
    readonly after: string | null
    readonly limit: number
    /** Keep candidates whose one registration for the beta was cancelled (a re-registration wave re-admits them). */
    readonly readmitCancelled: boolean
  },
): Promise<string[]> {
  let select = db
    .selectFrom('candidates')
    .select('candidates.id')
    .where((eb) =>
      Array.isArray(query.base)
        ? eb('candidates.id', 'in', query.base as readonly string[])
        : eb('candidates.id', 'in', query.base as AudienceQuery),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('wave_invitations')
            .select('wave_invitations.candidate_id')
            .where('wave_invitations.exam_number', '=', query.exam)
            .where('wave_invitations.withdrawn_at', 'is', null)
            .whereRef('wave_invitations.candidate_id', '=', 'candidates.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('registrations')
            .select('registrations.id')
            .where('registrations.exam_number', '=', query.exam)
            .where('registrations.status', 'in', LIVE_STATUSES)
            .whereRef('registrations.candidate_id', '=', 'candidates.id'),
        ),
      ),
    )
    // The beta takes one registration per candidate, ever: its code would not work for them.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('beta_registrations')
            .innerJoin('registrations', 'registrations.id', 'beta_registrations.registration_id')
            .select('beta_registrations.candidate_id')
            .where('beta_registrations.exam_number', '=', query.exam)
            .whereRef('beta_registrations.candidate_id', '=', 'candidates.id')
            .$if(query.readmitCancelled, (qb) =>
              qb.where('registrations.status', '!=', 'cancelled'),
            ),
        ),
      ),
    )
  if (query.restrictedCountries.length > 0) {
    select = select.where('candidates.country', 'not in', query.restrictedCountries)
  }
  if (query.after !== null) select = select.where('candidates.id', '>', query.after)
  const rows = await select.orderBy('candidates.id').limit(query.limit).execute()
  return rows.map((row) => row.id)
}
