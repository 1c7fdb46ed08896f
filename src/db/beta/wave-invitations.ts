import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Instant } from '../../domain/instant.js'
import { INVITATION_KEY_PREFIX } from '../../domain/invitation-wave.js'
import { LIVE_STATUSES } from '../../domain/registration.js'
import { readInstant, readOptionalInstant, writeInstant } from '../engine/columns.js'
import { reusableQuery } from '../engine/reusable-query.js'
import type { DB } from '../engine/schema.js'

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

/** An invitation as its invitee was told it: mailed, from a wave not withdrawn. */
export interface MailedInvitation {
  readonly waveId: string
  readonly waveName: string
  readonly position: number
  readonly exam: ExamNumber
  /** The invitee's own code, or the wave's shared code. */
  readonly voucherCode: string | null
  readonly mailedAt: Instant
}

/** The candidate's mailed invitations, newest first: a draft wave's are not theirs to see yet. */
export async function listMailedInvitationsOfCandidate(
  db: Kysely<DB>,
  candidateId: string,
): Promise<MailedInvitation[]> {
  const rows = await db
    .selectFrom('wave_invitations')
    .innerJoin('invitation_waves', 'invitation_waves.id', 'wave_invitations.wave_id')
    .select([
      'invitation_waves.id',
      'invitation_waves.name',
      'invitation_waves.position',
      'invitation_waves.bearer_code',
      'wave_invitations.exam_number',
      'wave_invitations.voucher_code',
      'wave_invitations.mailed_at',
    ])
    .where('wave_invitations.candidate_id', '=', candidateId)
    .where('wave_invitations.withdrawn_at', 'is', null)
    .where('invitation_waves.withdrawn_at', 'is', null)
    .where('wave_invitations.mailed_at', 'is not', null)
    .orderBy('wave_invitations.mailed_at', 'desc')
    .orderBy('invitation_waves.id')
    .execute()
  return rows.map((row) => ({
    waveId: row.id,
    waveName: row.name,
    position: Number(row.position),
    exam: row.exam_number,
    voucherCode: row.voucher_code ?? row.bearer_code,
    mailedAt: readInstant(row.mailed_at as NonNullable<typeof row.mailed_at>),
  }))
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
        invitationDedupeKeySql(
          sql.ref('wave_invitations.wave_id'),
          sql.ref('wave_invitations.candidate_id'),
        ),
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

/**
 * `computeInvitationDedupeKey` (domain/invitation-wave.ts) in SQL, for a
 * join on the outbox's unique index; test/db/wave-invitations.test.ts keeps
 * the two in step.
 */
export function invitationDedupeKeySql(
  waveId: Expression<string>,
  candidateId: Expression<string>,
): RawBuilder<string> {
  return sql<string>`${INVITATION_KEY_PREFIX} || ${waveId} || ${':'} || ${candidateId}`
}
