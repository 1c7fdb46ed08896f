import { getCandidate } from '../../app/candidates/get-candidate.js'
import { AppError } from '../../app/errors.js'
import { register } from '../../app/registrations/register.js'
import type { RegistrationView } from '../../app/registrations/registration-view.js'
import { formatMoney } from '../../domain/money.js'
import type { PAYABLE_METHODS } from '../../domain/offer.js'
import type { CliContext } from '../cli-context.js'
import { describeRegistration } from '../describe-registration.js'
import { keyOf, type PhoneOptions, withSupport } from '../phone-support.js'

export type PayableMethod = (typeof PAYABLE_METHODS)[number]

export interface RegisterByPhoneOptions extends PhoneOptions {
  readonly candidate: string
  readonly exam: string
  readonly slot: string
  /** Voucher, discount or promotion codes, as the caller reads them out. */
  readonly code?: readonly string[]
  /** The caller heard what the codes would give up (a free retake) and goes ahead. */
  readonly acknowledgeForfeit?: boolean
  /** The caller heard that the seat's change deadlines have passed, and books anyway. */
  readonly acknowledgeDeadlines?: boolean
  /** Pay what is due now, by this method; without it a booking with an amount due waits for payment. */
  readonly payment?: PayableMethod
  readonly paymentReference?: string
  readonly currency?: string
}

/**
 * `examdesk register`: books a seat for a caller through the booking the API
 * makes (the same policy, codes, prices and payment), then says what is due
 * and what the candidate will receive.
 */
export async function registerByPhone(cli: CliContext, input: RegisterByPhoneOptions) {
  if (input.paymentReference !== undefined && input.payment === undefined)
    throw new Error('--payment-reference goes with --payment <method>')
  await withSupport(cli, input, async (store, actor, deps) => {
    const codes = input.code ?? []
    const { result, replayed } = await register(
      deps,
      {
        candidateId: input.candidate,
        exam: input.exam,
        slotId: input.slot,
        ...(codes.length > 0 ? { voucherCodes: codes } : {}),
        ...(input.acknowledgeForfeit ? { acknowledgeForfeit: true } : {}),
        ...(input.acknowledgeDeadlines ? { acknowledgeDeadlines: true } : {}),
        ...(input.payment === undefined
          ? {}
          : {
              payment: {
                method: input.payment,
                ...(input.paymentReference === undefined
                  ? {}
                  : { reference: input.paymentReference }),
              },
            }),
        ...(input.currency === undefined ? {} : { currency: input.currency }),
      },
      actor,
      keyOf(actor, input),
    ).catch((error) => inConsoleTerms(error, 'booked', 'book'))
    const { email } = await getCandidate(store, result.candidateId)
    cli.stdout.write(
      [
        `${replayed ? 'Already done (same key): ' : 'Booked: '}${describeRegistration(result)}`,
        `Amount due: ${describeAmountDue(result, input.payment)}`,
        // A booking with an amount due is confirmed, and mailed, only once paid.
        result.paymentStatus === 'due'
          ? `Mail: the confirmation mail is sent to ${email} when the booking is paid; nothing is sent before.`
          : `Mail: a confirmation mail is on its way to ${email}.`,
        '',
      ].join('\n'),
    )
  })
}

function describeAmountDue(view: RegistrationView, method: PayableMethod | undefined): string {
  const { price } = view
  if (price === null) return 'nothing; no price is set for this exam.'
  const due = formatMoney({ currency: price.currency, cents: price.dueCents })
  if (price.listCents === 0) return 'nothing; the exam is free of charge.'
  if (price.dueCents === 0) return 'nothing; the codes cover the price.'
  if (view.paymentStatus === 'paid') return `${due}, paid now${method ? ` by ${method}` : ''}.`
  return `${due}, not paid yet.`
}

/** The API asks for `acknowledgeForfeit: true` or `acknowledgeDeadlines: true`; at the console each is an option. */
export function inConsoleTerms(error: unknown, done = 'booked', act = 'book'): never {
  if (error instanceof AppError && error.code === 'CHANGE_DEADLINES_PASSED') {
    const said = error.message.replace(/ Send acknowledgeDeadlines: true to book it anyway\.$/, '')
    throw new Error(
      `${said} Nothing was ${done}: tell the caller, and give --acknowledge-deadlines to ${act} anyway.`,
      { cause: error },
    )
  }
  if (error instanceof AppError && error.code === 'CODE_WOULD_FORFEIT') {
    const loses = Array.isArray(error.facts.loses) ? error.facts.loses.join(' ') : ''
    throw new Error(
      `${loses} Nothing was ${done}: tell the caller, and give --acknowledge-forfeit to ${act} anyway.`,
      { cause: error },
    )
  }
  throw error
}
