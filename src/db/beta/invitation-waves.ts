import { type Kysely, sql } from 'kysely'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import type { OpenInterval, WaveAudience, WaveCodeMode } from '../../domain/invitation-wave.js'
import { LIVE_STATUSES } from '../../domain/registration.js'
import { readInstant, readOptionalInstant, writeInstant } from '../engine/columns.js'
import { reusableQuery } from '../engine/reusable-query.js'
import type { DB } from '../engine/schema.js'

/** A wave as stored, with the intervals it was open. */
export interface WaveRecord {
  readonly id: string
  readonly exam: ExamNumber
  readonly position: number
  readonly name: string
  readonly audience: WaveAudience
  readonly codeMode: WaveCodeMode
  readonly hoursAfterPrevious: number
  readonly offerId: string
  readonly offerVersion: number
  readonly bearerCode: string | null
  readonly invited: number
  readonly createdAt: Instant
  readonly createdBy: string
  /** When it was withdrawn, before it ever opened; null for a wave not withdrawn. */
  readonly withdrawnAt: Instant | null
  readonly intervals: readonly OpenInterval[]
}

/** One invitation to store. */
export interface NewInvitation {
  readonly waveId: string
  readonly position: number
  readonly exam: ExamNumber
  readonly candidateId: string
  readonly voucherCode: string | null
  readonly createdAt: Instant
}

/** An invitation still to mail, with what its mail needs of the invitee and the code. */
export interface InvitationToMail {
  readonly position: number
  readonly candidateId: string
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  readonly timeZone: string
  readonly voucherCode: string | null
  readonly voucherExpiresAt: Instant | null
}

/** The roster source of a wave's invitees. */
export function waveRosterSource(waveId: string): string {
  return `wave:${waveId}`
}

const INVITATION_DEDUPE_PREFIX = 'wave-invitation:'

/** The outbox dedupe key of one invitation mail: one mail per wave and invitee, however often sent. */
export function computeInvitationDedupeKey(waveId: string, candidateId: string): string {
  return `${INVITATION_DEDUPE_PREFIX}${waveId}:${candidateId}`
}

export async function insertWave(
  db: Kysely<DB>,
  wave: Omit<WaveRecord, 'intervals' | 'withdrawnAt'>,
): Promise<void> {
  await db
    .insertInto('invitation_waves')
    .values({
      id: wave.id,
      exam_number: wave.exam,
      position: wave.position,
      name: wave.name,
      audience: wave.audience,
      code_mode: wave.codeMode,
      hours_after_previous: wave.hoursAfterPrevious,
      offer_id: wave.offerId,
      offer_version: wave.offerVersion,
      bearer_code: wave.bearerCode,
      invited: wave.invited,
      created_at: writeInstant(wave.createdAt),
      created_by: wave.createdBy,
    })
    .execute()
}

/** Records what composing found: how many were invited, and the wave's bearer code if it has one. */
export async function completeWave(
  db: Kysely<DB>,
  waveId: string,
  invited: number,
  bearer: { readonly code: string; readonly offerId: string; readonly offerVersion: number } | null,
): Promise<void> {
  await db
    .updateTable('invitation_waves')
    .set({
      invited,
      ...(bearer
        ? {
            bearer_code: bearer.code,
            offer_id: bearer.offerId,
            offer_version: bearer.offerVersion,
          }
        : {}),
    })
    .where('id', '=', waveId)
    .execute()
}

export async function findWave(db: Kysely<DB>, id: string): Promise<WaveRecord | null> {
  const row = await db
    .selectFrom('invitation_waves')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  return toWave(row, await listIntervals(db, [id]))
}

/** Every wave of the exam, in order. */
export async function listWavesOfExam(db: Kysely<DB>, exam: ExamNumber): Promise<WaveRecord[]> {
  const rows = await db
    .selectFrom('invitation_waves')
    .selectAll()
    .where('exam_number', '=', exam)
    .orderBy('position')
    .execute()
  const intervals = await listIntervals(
    db,
    rows.map((row) => row.id),
  )
  return rows.map((row) => toWave(row, intervals))
}

/** The position the exam's next wave takes. */
export async function nextWavePosition(db: Kysely<DB>, exam: ExamNumber): Promise<number> {
  const row = await db
    .selectFrom('invitation_waves')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('exam_number', '=', exam)
    .executeTakeFirst()
  return Number(row?.last ?? 0) + 1
}

async function listIntervals(
  db: Kysely<DB>,
  waveIds: readonly string[],
): Promise<Map<string, OpenInterval[]>> {
  const byWave = new Map<string, OpenInterval[]>()
  if (waveIds.length === 0) return byWave
  const rows = await db
    .selectFrom('invitation_wave_intervals')
    .selectAll()
    .where('wave_id', 'in', waveIds)
    .orderBy('started_at')
    .execute()
  for (const row of rows) {
    const list = byWave.get(row.wave_id) ?? []
    list.push({ start: readInstant(row.started_at), end: readOptionalInstant(row.ended_at) })
    byWave.set(row.wave_id, list)
  }
  return byWave
}

function toWave(
  row: {
    id: string
    exam_number: string
    position: number
    name: string
    audience: WaveAudience
    code_mode: WaveCodeMode
    hours_after_previous: number
    offer_id: string
    offer_version: number
    bearer_code: string | null
    invited: number
    created_at: string | Date
    created_by: string
    withdrawn_at: string | Date | null
  },
  intervals: ReadonlyMap<string, OpenInterval[]>,
): WaveRecord {
  return {
    id: row.id,
    exam: row.exam_number,
    position: Number(row.position),
    name: row.name,
    audience: row.audience,
    codeMode: row.code_mode,
    hoursAfterPrevious: Number(row.hours_after_previous),
    offerId: row.offer_id,
    offerVersion: Number(row.offer_version),
    bearerCode: row.bearer_code,
    invited: Number(row.invited),
    createdAt: readInstant(row.created_at),
    createdBy: row.created_by,
    withdrawnAt: readOptionalInstant(row.withdrawn_at),
    intervals: intervals.get(row.id) ?? [],
  }
}

/**
 * The wave that invites the candidate to the exam, if it has never opened
 * (a draft, not withdrawn); null when their invitation is open, or there is
 * none.
 */
export async function findUnopenedInvitation(
  db: Kysely<DB>,
  exam: ExamNumber,
  candidateId: string,
): Promise<{ readonly id: string; readonly position: number } | null> {
  const [row] = await unopenedInvitation(db, exam, candidateId)
  return row ? { id: row.id, position: Number(row.position) } : null
}

const unopenedInvitation = reusableQuery((db, exam: string, candidateId: string) =>
  db
    .selectFrom('wave_invitations')
    .innerJoin('invitation_waves', 'invitation_waves.id', 'wave_invitations.wave_id')
    .select(['invitation_waves.id', 'invitation_waves.position'])
    .where('wave_invitations.exam_number', '=', exam)
    .where('wave_invitations.candidate_id', '=', candidateId)
    .where('wave_invitations.withdrawn_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('invitation_wave_intervals')
            .select('invitation_wave_intervals.wave_id')
            .whereRef('invitation_wave_intervals.wave_id', '=', 'invitation_waves.id'),
        ),
      ),
    ),
)

/** Starts an open interval (opening or resuming). */
export async function startInterval(db: Kysely<DB>, waveId: string, at: Instant): Promise<void> {
  await db
    .insertInto('invitation_wave_intervals')
    .values({ wave_id: waveId, started_at: writeInstant(at), ended_at: null })
    .execute()
}

/** Ends the open interval (pausing); false when none was open (a pause a moment earlier). */
export async function endOpenInterval(
  db: Kysely<DB>,
  waveId: string,
  at: Instant,
): Promise<boolean> {
  const result = await db
    .updateTable('invitation_wave_intervals')
    .set({ ended_at: writeInstant(at) })
    .where('wave_id', '=', waveId)
    .where('ended_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Locks the wave's row for the rest of the transaction (PostgreSQL; SQLite has one writer anyway). */
export async function lockWave(db: Kysely<DB>, waveId: string): Promise<void> {
  await db
    .updateTable('invitation_waves')
    .set({ invited: sql`invited` })
    .where('id', '=', waveId)
    .execute()
}

/**
 * Who an audience names, before anything is excluded, as a subquery of
 * candidate ids. `retake`: an attempt at this beta exam or at another beta of
 * the same live exam. `re-registration`: a cancelled registration for this
 * beta exam, or a registration for another beta of the same live exam that
 * never led to a sitting (cancelled or no-show). `roster-rest`: the roster.
 */
export function audienceQuery(
  db: Kysely<DB>,
  exam: ExamNumber,
  liveTwin: ExamNumber | null,
  audience: Exclude<WaveAudience, 'list'>,
) {
  if (audience === 'roster-rest') {
    return db.selectFrom('beta_roster').select('candidate_id').where('exam_number', '=', exam)
  }
  if (audience === 'retake') {
    return db
      .selectFrom('attempts')
      .innerJoin('exams', 'exams.number', 'attempts.exam_number')
      .select('attempts.candidate_id as candidate_id')
      .where((eb) =>
        eb.or([
          eb('exams.number', '=', exam),
          ...(liveTwin === null ? [] : [eb('exams.beta_of', '=', liveTwin)]),
        ]),
      )
  }
  return db
    .selectFrom('registrations')
    .innerJoin('exams', 'exams.number', 'registrations.exam_number')
    .select('registrations.candidate_id as candidate_id')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('registrations.exam_number', '=', exam),
          eb('registrations.status', '=', 'cancelled'),
        ]),
        ...(liveTwin === null
          ? []
          : [
              eb.and([
                eb('exams.beta_of', '=', liveTwin),
                eb('exams.number', '!=', exam),
                eb('registrations.status', 'in', ['cancelled', 'no-show']),
              ]),
            ]),
      ]),
    )
}

/** The subquery of an audience's candidate ids. */
export type AudienceQuery = ReturnType<typeof audienceQuery>

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

export async function insertInvitations(
  db: Kysely<DB>,
  invitations: readonly NewInvitation[],
): Promise<void> {
  if (invitations.length === 0) return
  await db
    .insertInto('wave_invitations')
    .values(
      invitations.map((invitation) => ({
        wave_id: invitation.waveId,
        position: invitation.position,
        exam_number: invitation.exam,
        candidate_id: invitation.candidateId,
        voucher_code: invitation.voucherCode,
        created_at: writeInstant(invitation.createdAt),
        mailed_at: null,
      })),
    )
    .execute()
}

/**
 * Lets invitees whose only registration for this beta exam was cancelled
 * register for it again: the one-registration-per-beta record of a cancelled
 * registration is removed for them, and their invitation names it (so that
 * withdrawing the wave can put it back). Returns the candidates re-admitted.
 */
export async function readmitCancelled(
  db: Kysely<DB>,
  waveId: string,
  exam: ExamNumber,
): Promise<string[]> {
  const rows = await db
    .deleteFrom('beta_registrations')
    .where('exam_number', '=', exam)
    .where('candidate_id', 'in', (eb) =>
      eb.selectFrom('wave_invitations').select('candidate_id').where('wave_id', '=', waveId),
    )
    .where('registration_id', 'in', (eb) =>
      eb.selectFrom('registrations').select('id').where('status', '=', 'cancelled'),
    )
    .returning(['candidate_id', 'registration_id'])
    .execute()
  for (const row of rows) {
    await db
      .updateTable('wave_invitations')
      .set({ readmitted_registration_id: row.registration_id })
      .where('wave_id', '=', waveId)
      .where('candidate_id', '=', row.candidate_id)
      .execute()
  }
  return rows.map((row) => row.candidate_id)
}

/**
 * Withdraws a wave that never opened: the wave and its invitations are
 * marked (a withdrawn invitation no longer counts as the invitee's one
 * invitation to the beta), and the cancelled registrations it re-admitted
 * count again as their invitees' one registration. Returns the candidates
 * whose re-admission was undone.
 */
export async function markWaveWithdrawn(
  db: Kysely<DB>,
  waveId: string,
  exam: ExamNumber,
  at: Instant,
): Promise<string[]> {
  await db
    .updateTable('invitation_waves')
    .set({ withdrawn_at: writeInstant(at) })
    .where('id', '=', waveId)
    .execute()
  await db
    .updateTable('wave_invitations')
    .set({ withdrawn_at: writeInstant(at) })
    .where('wave_id', '=', waveId)
    .execute()
  const readmitted = await db
    .selectFrom('wave_invitations')
    .select(['candidate_id', 'readmitted_registration_id'])
    .where('wave_id', '=', waveId)
    .where('readmitted_registration_id', 'is not', null)
    .orderBy('position')
    .execute()
  if (readmitted.length === 0) return []
  // The wave never opened, so none of them can have registered again through it.
  await db
    .insertInto('beta_registrations')
    .values(
      readmitted.map((row) => ({
        exam_number: exam,
        candidate_id: row.candidate_id,
        registration_id: row.readmitted_registration_id!,
        created_at: writeInstant(at),
      })),
    )
    .onConflict((conflict) => conflict.columns(['exam_number', 'candidate_id']).doNothing())
    .execute()
  return readmitted.map((row) => row.candidate_id)
}

/** Puts every invitee of the wave on the exam's roster; those already on it stay as they were. */
export async function addInviteesToRoster(
  db: Kysely<DB>,
  waveId: string,
  at: Instant,
): Promise<void> {
  await db
    .insertInto('beta_roster')
    .columns(['exam_number', 'candidate_id', 'added_at', 'source'])
    .expression((eb) =>
      eb
        .selectFrom('wave_invitations')
        .select([
          'exam_number',
          'candidate_id',
          sql<string>`${writeInstant(at)}`.as('added_at'),
          sql<string>`${waveRosterSource(waveId)}`.as('source'),
        ])
        // The WHERE also settles SQLite's reading of INSERT … SELECT … ON CONFLICT.
        .where('wave_id', '=', waveId),
    )
    .onConflict((conflict) => conflict.columns(['exam_number', 'candidate_id']).doNothing())
    .execute()
}

/** Takes a candidate off the roster again, only where this source put them there. */
export async function removeFromRoster(
  db: Kysely<DB>,
  exam: ExamNumber,
  candidateId: string,
  source: string,
): Promise<void> {
  await db
    .deleteFrom('beta_roster')
    .where('exam_number', '=', exam)
    .where('candidate_id', '=', candidateId)
    .where('source', '=', source)
    .execute()
}

/** The first invitee (by position) without a live registration for the exam, with their code; null when all have one. */
export async function findFirstUnregistered(
  db: Kysely<DB>,
  waveId: string,
  exam: ExamNumber,
): Promise<{ readonly candidateId: string; readonly voucherCode: string | null } | null> {
  const row = await db
    .selectFrom('wave_invitations')
    .select(['candidate_id', 'voucher_code'])
    .where('wave_id', '=', waveId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('registrations')
            .select('registrations.id')
            .where('registrations.exam_number', '=', exam)
            .where('registrations.status', 'in', LIVE_STATUSES)
            .whereRef('registrations.candidate_id', '=', 'wave_invitations.candidate_id'),
        ),
      ),
    )
    .orderBy('position')
    .limit(1)
    .executeTakeFirst()
  return row ? { candidateId: row.candidate_id, voucherCode: row.voucher_code } : null
}

/** The next `limit` invitations not yet mailed, after `afterPosition`, with their invitees. */
export async function listUnmailedChunk(
  db: Kysely<DB>,
  waveId: string,
  afterPosition: number,
  limit: number,
): Promise<InvitationToMail[]> {
  const rows = await db
    .selectFrom('wave_invitations')
    .innerJoin('candidates', 'candidates.id', 'wave_invitations.candidate_id')
    .leftJoin('vouchers', 'vouchers.code', 'wave_invitations.voucher_code')
    .select([
      'wave_invitations.position',
      'wave_invitations.candidate_id',
      'wave_invitations.voucher_code',
      'vouchers.expires_at',
      'candidates.first_name',
      'candidates.last_name',
      'candidates.email',
      'candidates.time_zone',
    ])
    .where('wave_invitations.wave_id', '=', waveId)
    .where('wave_invitations.position', '>', afterPosition)
    .where('wave_invitations.mailed_at', 'is', null)
    .orderBy('wave_invitations.position')
    .limit(limit)
    .execute()
  return rows.map((row) => ({
    position: Number(row.position),
    candidateId: row.candidate_id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    timeZone: row.time_zone,
    voucherCode: row.voucher_code,
    voucherExpiresAt: readOptionalInstant(row.expires_at ?? null),
  }))
}

/** Marks invitations in `[fromPosition, toPosition]` mailed, those not marked yet; returns how many. */
export async function markMailed(
  db: Kysely<DB>,
  waveId: string,
  fromPosition: number,
  toPosition: number,
  at: Instant,
): Promise<number> {
  const result = await db
    .updateTable('wave_invitations')
    .set({ mailed_at: writeInstant(at) })
    .where('wave_id', '=', waveId)
    .where('position', '>=', fromPosition)
    .where('position', '<=', toPosition)
    .where('mailed_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Invitations of the wave whose mail is in the outbox. */
export async function countMailed(db: Kysely<DB>, waveId: string): Promise<number> {
  const row = await db
    .selectFrom('wave_invitations')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('wave_id', '=', waveId)
    .where('mailed_at', 'is not', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The wave's invitation mails the outbox worker delivered, found by their dedupe keys (the unique index). */
export async function countDelivered(db: Kysely<DB>, waveId: string): Promise<number> {
  const row = await db
    .selectFrom('wave_invitations')
    .innerJoin('outbox', (join) =>
      join.on(
        'outbox.dedupe_key',
        '=',
        sql<string>`${INVITATION_DEDUPE_PREFIX} || wave_invitations.wave_id || ${':'} || wave_invitations.candidate_id`,
      ),
    )
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('wave_invitations.wave_id', '=', waveId)
    .where('outbox.status', '=', 'sent')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Invitees with a registration for the exam that is not cancelled (booked, sat or missed). */
export async function countRegistered(
  db: Kysely<DB>,
  waveId: string,
  exam: ExamNumber,
): Promise<number> {
  const row = await db
    .selectFrom('wave_invitations')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('wave_invitations.wave_id', '=', waveId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('registrations')
          .select('registrations.id')
          .where('registrations.exam_number', '=', exam)
          .where('registrations.status', '!=', 'cancelled')
          .whereRef('registrations.candidate_id', '=', 'wave_invitations.candidate_id'),
      ),
    )
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
