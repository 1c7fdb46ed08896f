import type { Kysely, QueryCreator } from 'kysely'
import type { Candidate } from '../../domain/candidate.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import { LIVE_STATUSES } from '../../domain/registration.js'
import { toCandidate } from '../candidates/candidates.js'
import type { ExamPricing } from '../catalogue/exam-prices.js'
import {
  deliversExam,
  SLOT_COLUMNS,
  type SlotToBook,
  toSlotAppointment,
} from '../catalogue/slots.js'
import { CENTRE_DETAIL_COLUMNS } from '../catalogue/test-centres.js'
import { writeInstant } from '../engine/columns.js'
import { dialectOf } from '../engine/dialect.js'
import { reusableQuery } from '../engine/reusable-query.js'
import type { DB } from '../engine/schema.js'
import { claimIdempotencyKey, type KeyClaim, UNANSWERED } from '../idempotency-keys.js'

/** What a booking reads before it writes, but for the history itself. */
export interface BookingFacts {
  readonly candidate: Candidate
  /** The slot, and what a booking checks about it; null when there is no such slot. */
  readonly slot: SlotToBook | null
  /** The candidate's live registration for the exam, if any. */
  readonly liveRegistrationId: string | null
  /** Whether the candidate holds any code at all (one that may hold a free retake). */
  readonly holdsCodes: boolean
  /**
   * Whether the candidate has any attempt at all, or an unused waiver for
   * the exam: false means the retake history is known to be empty, and a
   * first booking need not read it.
   */
  readonly hasHistory: boolean
  /** The exam's price class and list prices; null when the exam has no row. */
  readonly pricing: ExamPricing | null
}

/**
 * The candidate, the slot with its centre and provider, whether the
 * provider delivers `exam` (canonical number), the candidate's live
 * registration for it, whether the candidate holds any code, and the exam's
 * pricing: one statement, where they were six. Each statement inside the
 * booking's transaction is a round trip on a pooled connection (on
 * PostgreSQL about as costly as a small write, on both sides), so the reads
 * are gathered. Null when there is no such candidate.
 *
 * With `claim`, the request's idempotency key is claimed first, before
 * anything is read: on PostgreSQL in the same statement (a data-modifying
 * WITH, which runs whatever the query around it finds), a round trip less.
 *
 * The row comes once per list price of the exam (once when it has none).
 */
export async function findBookingFacts(
  db: Kysely<DB>,
  candidateId: string,
  slotId: string,
  exam: ExamNumber,
  claim: KeyClaim | null = null,
): Promise<BookingFacts | null> {
  const rows = await readFacts(db, candidateId, slotId, exam, claim)
  const [row] = rows
  if (!row) return null
  const candidate = toCandidate({
    id: row.candidate_id,
    first_name: row.first_name,
    last_name: row.last_name,
    email: row.email,
    country: row.candidate_country,
    time_zone: row.candidate_time_zone,
    created_at: row.candidate_created_at,
  })
  const slot =
    row.id === null
      ? null
      : {
          appointment: toSlotAppointment({
            id: row.id,
            centre_id: row.centre_id!,
            starts_at: row.starts_at!,
            capacity: row.capacity!,
            booked: row.booked!,
            provider_id: row.provider_id!,
            name: row.name!,
            address: row.address!,
            city: row.city!,
            country: row.country!,
            latitude: row.latitude!,
            longitude: row.longitude!,
            time_zone: row.time_zone!,
            provider_name: row.provider_name!,
            reschedule_cutoff_hours: row.reschedule_cutoff_hours!,
            cancel_cutoff_hours: row.cancel_cutoff_hours!,
          }),
          // SQLite answers EXISTS with 0 or 1, PostgreSQL with a boolean.
          delivers: Boolean(row.delivers),
        }
  return {
    candidate,
    slot,
    liveRegistrationId: row.live_registration_id ?? null,
    holdsCodes: Boolean(row.holds_codes),
    hasHistory: Boolean(row.has_attempts) || Boolean(row.has_open_waivers),
    pricing:
      row.price_class === null
        ? null
        : {
            priceClass: row.price_class,
            prices: rows.flatMap((price) =>
              price.currency === null || price.cents === null
                ? []
                : [{ currency: price.currency, cents: price.cents }],
            ),
          },
  }
}

async function readFacts(
  db: Kysely<DB>,
  candidateId: string,
  slotId: string,
  exam: ExamNumber,
  claim: KeyClaim | null,
) {
  if (claim === null) return bookingFacts(db, candidateId, slotId, exam)
  if (dialectOf(db) === 'postgres') {
    const { principalId, key, requestHash, createdAt } = claim
    return bookingFactsClaimingKey(
      db,
      candidateId,
      slotId,
      exam,
      principalId,
      key,
      requestHash,
      writeInstant(createdAt),
    )
  }
  // SQLite runs in this process: a statement more costs no round trip.
  await claimIdempotencyKey(db, claim)
  return bookingFacts(db, candidateId, slotId, exam)
}

const bookingFacts = reusableQuery((db, candidateId: string, slotId: string, exam: ExamNumber) =>
  factsQuery(db, candidateId, slotId, exam),
)

const bookingFactsClaimingKey = reusableQuery(
  (
    db,
    candidateId: string,
    slotId: string,
    exam: ExamNumber,
    principalId: string,
    key: string,
    requestHash: string,
    createdAt: string,
  ) =>
    factsQuery(
      db.with('claimed_key', (creator) =>
        creator.insertInto('idempotency_keys').values({
          principal_id: principalId,
          key,
          request_hash: requestHash,
          ...UNANSWERED,
          created_at: createdAt,
        }),
      ),
      candidateId,
      slotId,
      exam,
    ),
)

// From the candidate, so that an unknown candidate is no row and an unknown
// slot a row without one; the centre and provider exist whenever the slot
// does (references), so their left joins find them.
function factsQuery(db: QueryCreator<DB>, candidateId: string, slotId: string, exam: ExamNumber) {
  return db
    .selectFrom('candidates')
    .leftJoin('slots', (join) => join.on('slots.id', '=', slotId))
    .leftJoin('test_centres', 'test_centres.id', 'slots.centre_id')
    .leftJoin('providers', 'providers.id', 'test_centres.provider_id')
    .leftJoin('exams', (join) => join.on('exams.number', '=', exam))
    .leftJoin('exam_prices', 'exam_prices.exam_number', 'exams.number')
    .select([
      'candidates.id as candidate_id',
      'candidates.first_name',
      'candidates.last_name',
      'candidates.email',
      'candidates.country as candidate_country',
      'candidates.time_zone as candidate_time_zone',
      'candidates.created_at as candidate_created_at',
      ...SLOT_COLUMNS,
      ...CENTRE_DETAIL_COLUMNS,
      'providers.name as provider_name',
      'providers.reschedule_cutoff_hours',
      'providers.cancel_cutoff_hours',
      'exams.price_class',
      'exam_prices.currency',
      'exam_prices.cents',
    ])
    .select((eb) => [
      deliversExam(eb, exam),
      eb
        .selectFrom('registrations')
        .select('registrations.id')
        .where('registrations.candidate_id', '=', candidateId)
        .where('registrations.exam_number', '=', exam)
        .where('registrations.status', 'in', LIVE_STATUSES)
        .limit(1)
        .as('live_registration_id'),
      eb
        .exists(
          eb
            .selectFrom('vouchers')
            .select('vouchers.code')
            .where('vouchers.candidate_id', '=', candidateId),
        )
        .as('holds_codes'),
      eb
        .exists(
          eb
            .selectFrom('attempts')
            .select('attempts.id')
            .where('attempts.candidate_id', '=', candidateId),
        )
        .as('has_attempts'),
      eb
        .exists(
          eb
            .selectFrom('waivers')
            .select('waivers.id')
            .where('waivers.candidate_id', '=', candidateId)
            .where('waivers.exam_number', '=', exam)
            .where('waivers.used_by_attempt_id', 'is', null)
            .where('waivers.held_by_registration_id', 'is', null),
        )
        .as('has_open_waivers'),
    ])
    .where('candidates.id', '=', candidateId)
    .orderBy('exam_prices.currency')
}
