import type { Kysely } from 'kysely'
import { writeInstant } from '../../src/db/engine/columns.js'
import type { DB } from '../../src/db/engine/schema.js'
import { insertAttempt } from '../../src/db/retakes/attempts.js'
import type { Instant } from '../../src/domain/instant.js'
import type { RegistrationStatus } from '../../src/domain/registration.js'
import type { TestCentre } from '../../src/domain/test-centre.js'
import { createCandidate, createProvider, nextId } from '../factories/catalogue.js'
import { createCentre, createSlot } from '../factories/centres.js'

/**
 * A provider of its own with centres, slots, registrations, attempts,
 * codes, a wave and exception requests, all written straight to the
 * database and remembered here, so that a report test computes what each
 * report should say from what it made.
 */
export const REPORT_PROVIDER = 'report-test'
export const REPORT_OFFER = 'report-offer'
export const REPORT_EXAM = '070-620'

export interface MadeRegistration {
  readonly id: string
  readonly candidateId: string
  readonly slotId: string
  readonly centreId: string
  readonly slotStartsAt: Instant
  readonly createdAt: Instant
  readonly status: RegistrationStatus
  readonly updatedAt: Instant
}

export interface MadeSlot {
  readonly id: string
  readonly centreId: string
  readonly startsAt: Instant
  readonly capacity: number
  booked: number
}

export class ReportWorld {
  readonly registrations: MadeRegistration[] = []
  readonly slots: MadeSlot[] = []
  centres: TestCentre[] = []

  constructor(readonly db: Kysely<DB>) {}

  async setUp(): Promise<void> {
    await createProvider(this.db, { id: REPORT_PROVIDER, name: 'Report Test Centres' })
    this.centres = [
      await createCentre(this.db, {
        providerId: REPORT_PROVIDER,
        name: 'Harbour Hall',
        city: 'Auckland',
      }),
      await createCentre(this.db, {
        providerId: REPORT_PROVIDER,
        name: 'Cuba Street Rooms',
        city: 'Wellington',
      }),
    ]
    const terms = await this.db.selectFrom('offers').select('terms').executeTakeFirstOrThrow()
    await this.db
      .insertInto('offers')
      .values({
        id: REPORT_OFFER,
        version: 1,
        name: 'Report offer',
        effective_from: writeInstant(0),
        terms: terms.terms,
        created_at: writeInstant(0),
      })
      .execute()
  }

  async slot(centre: number, startsAt: Instant, capacity = 10): Promise<MadeSlot> {
    const made = await createSlot(this.db, this.centres[centre]!, startsAt, { capacity })
    const slot = { id: made.id, centreId: made.centreId, startsAt, capacity, booked: 0 }
    this.slots.push(slot)
    return slot
  }

  /** A beta exam of the demo, which waves invite to. */
  async betaExam(): Promise<string> {
    const row = await this.db
      .selectFrom('beta_programmes')
      .select('exam_number')
      .orderBy('exam_number')
      .executeTakeFirstOrThrow()
    return row.exam_number
  }

  async candidate(): Promise<string> {
    return (await createCandidate(this.db)).id
  }

  /** A registration in `slot`, holding a seat unless cancelled. */
  async register(
    slot: MadeSlot,
    createdAt: Instant,
    status: RegistrationStatus = 'booked',
    updatedAt: Instant = createdAt,
    candidateId?: string,
    exam = REPORT_EXAM,
  ): Promise<MadeRegistration> {
    const made: MadeRegistration = {
      id: nextId('REG'),
      candidateId: candidateId ?? (await this.candidate()),
      slotId: slot.id,
      centreId: slot.centreId,
      slotStartsAt: slot.startsAt,
      createdAt,
      status,
      updatedAt,
    }
    await this.db
      .insertInto('registrations')
      .values({
        id: made.id,
        candidate_id: made.candidateId,
        exam_number: exam,
        slot_id: slot.id,
        provider_id: REPORT_PROVIDER,
        status,
        channel: 'api',
        booked_by: 'test',
        booked_by_role: 'admin',
        created_at: writeInstant(createdAt),
        updated_at: writeInstant(updatedAt),
      })
      .execute()
    if (status !== 'cancelled') {
      slot.booked += 1
      await this.db
        .updateTable('slots')
        .set({ booked: slot.booked })
        .where('id', '=', slot.id)
        .execute()
    }
    this.registrations.push(made)
    return made
  }

  async attempt(
    candidateId: string,
    takenAt: Instant,
    outcome: 'pass' | 'fail' | 'pending',
    exam = REPORT_EXAM,
  ): Promise<void> {
    await insertAttempt(this.db, {
      id: nextId('attempt'),
      candidateId,
      exam,
      provider: REPORT_PROVIDER,
      takenAt,
      outcome,
      recordedAt: takenAt,
    })
  }

  async code(issuedAt: Instant, expiresAt: Instant | null): Promise<string> {
    const code = nextId('CODE')
    await this.db
      .insertInto('vouchers')
      .values({
        code,
        offer_id: REPORT_OFFER,
        offer_version: 1,
        candidate_id: null,
        issued_at: writeInstant(issuedAt),
        expires_at: expiresAt === null ? null : writeInstant(expiresAt),
        issued_by: 'test',
        batch_id: null,
        batch_position: null,
        reward_for_exam: null,
        voided_at: null,
      })
      .execute()
    return code
  }

  async use(
    code: string,
    registrationId: string,
    usedAt: Instant,
    kind: DB['voucher_uses']['kind'] = 'first-attempt',
    returnedAt: Instant | null = null,
  ): Promise<void> {
    await this.db
      .insertInto('voucher_uses')
      .values({
        id: nextId('use'),
        voucher_code: code,
        registration_id: registrationId,
        exam_number: REPORT_EXAM,
        kind,
        slot: kind,
        used_at: writeInstant(usedAt),
        returned_at: returnedAt === null ? null : writeInstant(returnedAt),
      })
      .execute()
  }

  async exceptionRequest(
    registration: MadeRegistration,
    reason: DB['exception_requests']['reason'],
    requestedAt: Instant,
    review: { readonly status: 'approved' | 'denied'; readonly at: Instant } | null,
  ): Promise<void> {
    await this.db
      .insertInto('exception_requests')
      .values({
        id: nextId('REQ'),
        candidate_id: registration.candidateId,
        registration_id: registration.id,
        exam_number: REPORT_EXAM,
        first_name: 'Aroha',
        last_name: 'Ngata',
        email: `${registration.candidateId}@example.test`,
        description: 'The workstation froze.',
        provider_case_number: 'CASE-1',
        reason,
        status: review?.status ?? 'open',
        channel: 'web',
        requested_at: writeInstant(requestedAt),
        requested_by: registration.candidateId,
        requested_by_role: 'candidate',
        reviewed_at: review === null ? null : writeInstant(review.at),
        reviewed_by: review === null ? null : 'support',
        reviewed_by_role: review === null ? null : 'support',
        review_note: review === null ? null : 'Checked.',
        waives_wait: null,
        waives_limit: null,
        waiver_id: null,
      })
      .execute()
  }

  /** A wave composed at `createdAt` inviting these candidates; the first `mailed` mailed, the first `delivered` delivered. */
  async wave(
    createdAt: Instant,
    candidateIds: readonly string[],
    mailed: number,
    delivered: number,
    exam: string,
  ): Promise<string> {
    const id = nextId('wave')
    await this.db
      .insertInto('invitation_waves')
      .values({
        id,
        exam_number: exam,
        position: 1,
        name: 'Report wave',
        audience: 'list',
        code_mode: 'per-wave',
        hours_after_previous: 0,
        offer_id: REPORT_OFFER,
        offer_version: 1,
        bearer_code: null,
        invited: candidateIds.length,
        created_at: writeInstant(createdAt),
        created_by: 'test',
        withdrawn_at: null,
      })
      .execute()
    for (const [k, candidateId] of candidateIds.entries()) {
      await this.db
        .insertInto('wave_invitations')
        .values({
          wave_id: id,
          position: k + 1,
          exam_number: exam,
          candidate_id: candidateId,
          voucher_code: null,
          created_at: writeInstant(createdAt),
          mailed_at: k < mailed ? writeInstant(createdAt) : null,
          withdrawn_at: null,
          readmitted_registration_id: null,
        })
        .execute()
      if (k < mailed)
        await this.db
          .insertInto('outbox')
          .values({
            id: nextId('mail'),
            dedupe_key: `wave-invitation:${id}:${candidateId}`,
            kind: 'beta-invitation',
            candidate_id: candidateId,
            recipient: `${candidateId}@example.test`,
            subject: 'Invitation',
            body_text: 'Invitation',
            body_html: null,
            attachments: '[]',
            facts: null,
            status: k < delivered ? 'sent' : 'pending',
            available_at: writeInstant(createdAt),
            claimed_until: null,
            created_at: writeInstant(createdAt),
            sent_at: k < delivered ? writeInstant(createdAt) : null,
            last_error: null,
          })
          .execute()
    }
    return id
  }
}
