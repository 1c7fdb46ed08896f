import type { Transaction } from 'kysely'
import type { DB } from '../../db/engine/schema.js'
import { decideBooking } from '../../domain/decide-booking.js'
import type { Instant } from '../../domain/instant.js'
import { requireCandidateAccess } from '../access/require-access.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { getCandidate } from '../candidates/get-candidate.js'
import { getCatalogueExam } from '../catalogue/get-exam.js'
import { AppError } from '../errors.js'
import { hashRequest, type IdempotencyKey, type Idempotent } from '../idempotent.js'
import { type CommandContext, runCommand } from '../run-command.js'
import { codeCallerOf, countingWrongCodes } from '../vouchers/code-throttle.js'
import { codeUsedMeanwhile } from '../vouchers/redeem-codes.js'
import { type BookingRead, readBookingFacts } from './read-booking-facts.js'
import { refuseBooking } from './refuse-booking.js'
import type { RegisterInput } from './register-input.js'
import type { RegistrationView } from './registration-view.js'
import { writeBooking } from './write-booking.js'

/**
 * Books one seat for one candidate and one exam, in one transaction: the
 * retake policy judged for the slot's instant on the whole history at every
 * provider, a seat taken only if one is free, at most one live registration
 * per candidate and exam, the audit entry and the confirmation mail.
 */
export async function register(
  deps: AppDeps,
  input: RegisterInput,
  actor: Actor,
  idempotency: IdempotencyKey | null,
): Promise<Idempotent<RegistrationView>> {
  const now = deps.clock.now()
  // Built field by field: a retry that sends the same fields in another order is the same request.
  const requestHash = hashRequest('register', {
    candidateId: input.candidateId,
    exam: input.exam,
    slotId: input.slotId,
    ...(input.voucherCodes?.length ? { voucherCodes: input.voucherCodes } : {}),
    ...(input.acknowledgeForfeit ? { acknowledgeForfeit: true } : {}),
    ...(input.acknowledgeDeadlines ? { acknowledgeDeadlines: true } : {}),
    ...(input.payment
      ? { payment: { method: input.payment.method, reference: input.payment.reference ?? null } }
      : {}),
    ...(input.currency ? { currency: input.currency } : {}),
  })
  const guesser = { candidateId: input.candidateId, caller: codeCallerOf(actor) }
  return countingWrongCodes(deps.db, guesser, now, () =>
    runCommand(
      deps,
      {
        idempotency: { key: idempotency, requestHash },
        onConflict: {
          // Two bookings raced past the check below; the unique index kept one.
          registrations: () =>
            new AppError('ALREADY_REGISTERED', { field: 'exam', exam: input.exam }),
          // Two registrations for one beta exam raced (at two providers, say); the primary key kept one.
          beta_registrations: () =>
            new AppError('BETA_ALREADY_REGISTERED', { field: 'exam', exam: input.exam }),
          voucher_uses: codeUsedMeanwhile,
        },
        claimKeyInWork: true,
      },
      (trx, command) => book(trx, command, deps, { input, actor, now }),
    ),
  )
}

/**
 * The booking itself: its facts read, decided by the domain, then written
 * (see `writeBooking` for the order of the writes). Also rehearsed by
 * `dryRunRegistration`, which rolls it back.
 */
export async function book(
  trx: Transaction<DB>,
  command: CommandContext,
  deps: AppDeps,
  booking: {
    readonly input: RegisterInput
    readonly actor: Actor
    readonly now: Instant
    /** The draft wave whose self-check this is: its invitees are treated as invited by an open wave. */
    readonly rehearsedWaveId?: string | null
  },
): Promise<RegistrationView> {
  const { input, actor, now, rehearsedWaveId = null } = booking
  // Another's candidate record answers as a missing one, before anything else is weighed.
  requireCandidateAccess(actor.principal, input.candidateId)
  // The catalogue (exam, policy, certifications) is read as remembered; the rest fresh.
  const { catalogue } = command
  const exam = await getCatalogueExam(catalogue, input.exam).catch(async (error: unknown) => {
    // An unknown candidate is the first thing a booking refuses.
    await getCandidate({ db: trx }, input.candidateId)
    throw error
  })
  const facts = await readBookingFacts(trx, {
    input,
    exam,
    catalogue,
    caller: codeCallerOf(actor),
    viewer: actor.principal,
    now,
    rehearsedWaveId,
    holdMinutes: deps.holdMinutes,
    keyClaim: command.takeKeyClaim(),
  })
  if (!facts)
    throw new AppError('CANDIDATE_NOT_FOUND', {
      field: 'candidateId',
      candidateId: input.candidateId,
    })
  const decision = decideBooking<AppError, BookingRead>(
    facts,
    {
      acknowledgeForfeit: input.acknowledgeForfeit === true,
      acknowledgeDeadlines: input.acknowledgeDeadlines === true,
      payingNow: input.payment !== undefined,
    },
    now,
  )
  if (!decision.goAhead) throw refuseBooking(decision.refusal)
  return writeBooking(trx, command, { deps, input, actor, now, decision })
}
