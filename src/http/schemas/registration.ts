import { Type } from 'typebox'
import type { RegistrationView } from '../../app/registrations/registration-view.js'
import { isOnBehalf } from '../../domain/acted-by.js'
import type { AuditEntry } from '../../domain/audit-entry.js'
import { CHANNELS } from '../../domain/channel.js'
import { codeAsShownTo } from '../../domain/code-visibility.js'
import type { Principal } from '../../domain/principal.js'
import { LocalTimeText, toInstantOut, toLocalOut } from './instant.js'
import { Nullable } from './nullable.js'

export const PriceOut = Type.Object(
  {
    currency: Type.String({ examples: ['USD'] }),
    listCents: Type.Integer(),
    lines: Type.Array(
      Type.Object({
        code: Type.String({
          description:
            'Whole for the candidate, support and admin; masked to its last four characters for a provider (`••••••-••••••-••UGYP`)',
        }),
        offerId: Type.String(),
        offerVersion: Type.Integer(),
        label: Type.String(),
        cents: Type.Integer({ description: 'Taken off the price: zero or negative' }),
      }),
    ),
    dueCents: Type.Integer(),
  },
  { description: 'The list price, each code applied in turn, and what is left to pay (in cents)' },
)

/**
 * Who acted, by name, beside the principal's id: the person (`displayName`),
 * else the token's label (`tokenLabel`), and the reason staff gave for
 * acting for the candidate. Null where not known: changes recorded before
 * names were kept, or no reason asked for.
 */
export const ActorNames = {
  displayName: Nullable(
    Type.String({ description: 'The person who acted, by the name the candidate is told' }),
  ),
  tokenLabel: Nullable(
    Type.String({
      description:
        'The label of the token (or the console account) that acted, which names it when no person is named',
    }),
  ),
  reason: Nullable(Type.String({ description: 'Why staff acted for the candidate' })),
}

/** The names of an actor as a view keeps them, null where an older answer has none. */
export function actorNamesOut(names: {
  readonly displayName?: string | null
  readonly tokenLabel?: string | null
  readonly reason?: string | null
}) {
  return {
    displayName: names.displayName ?? null,
    tokenLabel: names.tokenLabel ?? null,
    reason: names.reason ?? null,
  }
}

export const RegistrationOut = Type.Object({
  id: Type.String({
    description: 'Short and unguessable; readable on the phone',
    examples: ['K7QM-2X9P-4RTC'],
  }),
  candidateId: Type.String(),
  status: Type.Enum(['booked', 'checked-in', 'completed', 'no-show', 'cancelled']),
  channel: Type.Enum([...CHANNELS]),
  version: Type.Integer(),
  exam: Type.Object({ number: Type.String(), title: Type.String() }),
  provider: Type.Object({ id: Type.String(), name: Type.String() }),
  centre: Type.Object({
    id: Type.String(),
    name: Type.String(),
    address: Type.String(),
    city: Type.String(),
    country: Type.String(),
    timeZone: Type.String(),
  }),
  slotId: Type.String(),
  startsAt: Type.String(),
  localStart: LocalTimeText,
  bookedBy: Type.Object(
    {
      tokenId: Type.String({
        description: "The principal that booked: a token's id, or a person's account id",
      }),
      role: Type.String(),
      onBehalf: Type.Boolean({ description: 'Booked by support staff for the candidate' }),
      channel: Type.Enum([...CHANNELS]),
      at: Type.String({ description: 'When it was booked' }),
      ...ActorNames,
      providerId: Nullable(
        Type.String({ description: "For a provider's token: the provider it acts for" }),
      ),
    },
    {
      description:
        'Who booked (by name), by what channel, when and why: apart from who paid (`payment.paidBy`)',
    },
  ),
  changeDeadlines: Type.Object(
    {
      reschedule: Type.String(),
      rescheduleLocal: LocalTimeText,
      cancel: Type.String(),
      cancelLocal: LocalTimeText,
    },
    {
      description:
        "The last instants a reschedule or a cancellation is accepted, under the provider's rules",
    },
  ),
  waiverId: Nullable(Type.String()),
  attemptId: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  price: Nullable(PriceOut),
  paymentStatus: Type.Enum(['not-required', 'due', 'paid', 'refunded', 'fee-kept'], {
    description:
      '`due`: the seat is held, and the registration is confirmed once paid; `refunded` or `fee-kept`: a paid registration was cancelled (see `refund`)',
  }),
  holdExpiresAt: Nullable(
    Type.String({
      description:
        'While payment is due: when the seat is released unless paid (also shown after the hold ended unpaid)',
    }),
  ),
  holdEnded: Type.Unsafe<'expired' | 'released' | null>({
    type: ['string', 'null'],
    enum: ['expired', 'released', null],
    description:
      'How an unpaid hold ended: its time ran out, or an admin released it (the registration is cancelled)',
  }),
  payment: Nullable(
    Type.Object(
      {
        method: Type.Enum(['card', 'company-voucher', 'invoice', 'free']),
        currency: Type.String(),
        cents: Type.Integer(),
        paidAt: Type.String(),
        paidBy: Type.Object({
          tokenId: Type.String(),
          role: Nullable(Type.String()),
          channel: Nullable(Type.String()),
          ...ActorNames,
        }),
      },
      { description: 'The payment and who recorded it; null until paid' },
    ),
  ),
  refund: Nullable(
    Type.Object(
      {
        currency: Type.String(),
        paidCents: Type.Integer(),
        refundCents: Type.Integer({ description: 'Goes back to the payment method' }),
        feeCents: Type.Integer({ description: 'Kept by the provider under its rule' }),
        method: Type.String(),
        fullRefundUntil: Type.String({ description: 'Cancelled until then, everything came back' }),
        fullRefundUntilLocal: LocalTimeText,
        recordedAt: Type.String(),
      },
      {
        description:
          "What the cancellation of a paid registration did with the money, under the provider's rule",
      },
    ),
  ),
})

/** The registration as `reader` is shown it: the codes on its price whole only for those who may read them. */
export function toRegistrationOut(view: RegistrationView, reader: Principal) {
  const zone = view.centre.timeZone
  return {
    ...view,
    startsAt: toInstantOut(view.startsAt),
    localStart: toLocalOut(view.startsAt, zone),
    changeDeadlines: {
      reschedule: toInstantOut(view.changeDeadlines.reschedule),
      rescheduleLocal: toLocalOut(view.changeDeadlines.reschedule, zone),
      cancel: toInstantOut(view.changeDeadlines.cancel),
      cancelLocal: toLocalOut(view.changeDeadlines.cancel, zone),
    },
    // An answer stored before these were kept has neither: they were the registration's own.
    bookedBy: {
      ...view.bookedBy,
      channel: view.bookedBy.channel ?? view.channel,
      at: toInstantOut(view.bookedBy.at ?? view.createdAt),
      ...actorNamesOut(view.bookedBy),
      providerId: view.bookedBy.providerId ?? null,
    },
    createdAt: toInstantOut(view.createdAt),
    updatedAt: toInstantOut(view.updatedAt),
    // Whoever typed a code on the registration, it is the candidate's to read.
    price:
      view.price === null
        ? null
        : {
            ...view.price,
            lines: view.price.lines.map((line) => ({
              ...line,
              code: codeAsShownTo(reader, view.candidateId, line.code),
            })),
          },
    // An answer stored before holds expired has neither field.
    holdExpiresAt: view.holdExpiresAt == null ? null : toInstantOut(view.holdExpiresAt),
    holdEnded: view.holdEnded ?? null,
    payment:
      view.payment == null
        ? null
        : {
            ...view.payment,
            paidAt: toInstantOut(view.payment.paidAt),
            paidBy: { ...view.payment.paidBy, ...actorNamesOut(view.payment.paidBy) },
          },
    refund:
      view.refund == null
        ? null
        : {
            ...view.refund,
            fullRefundUntil: toInstantOut(view.refund.fullRefundUntil),
            fullRefundUntilLocal: toLocalOut(view.refund.fullRefundUntil, zone),
            recordedAt: toInstantOut(view.refund.recordedAt),
          },
  }
}

/** Who did a thing recorded in the audit trail, as every audit answer names them. */
export const AuditActorOut = Type.Object({
  tokenId: Type.String({
    description: "The principal that acted: a token's id, a person's account id, or a job's",
  }),
  role: Type.String(),
  accountId: Nullable(Type.String({ description: "The person's account" })),
  displayName: ActorNames.displayName,
  tokenLabel: ActorNames.tokenLabel,
  providerId: Nullable(
    Type.String({ description: "For a provider's token: the provider it acts for" }),
  ),
})

export function toAuditActorOut(entry: AuditEntry) {
  return {
    tokenId: entry.actorId,
    role: entry.actorRole,
    accountId: entry.actorAccountId ?? null,
    displayName: entry.actorName ?? null,
    tokenLabel: entry.actorLabel ?? null,
    providerId: entry.actorProviderId ?? null,
  }
}

export const AuditEntryOut = Type.Object({
  at: Type.String(),
  action: Type.String(),
  actor: AuditActorOut,
  channel: Type.String(),
  reason: ActorNames.reason,
  onBehalf: Type.Boolean({ description: 'Done by support staff or an admin for the candidate' }),
  summary: Nullable(
    Type.String({
      description:
        "What the candidate is told of a change someone else made for them, on the candidate's clock: 'Registered for you by Maria Lopez (support) by phone on …: …', 'Checked in through Pearson VUE on …'",
    }),
  ),
  detail: Type.Record(Type.String(), Type.Unknown()),
})

export function toAuditEntryOut(entry: AuditEntry & { readonly summary?: string | null }) {
  return {
    at: toInstantOut(entry.at),
    action: entry.action,
    actor: toAuditActorOut(entry),
    channel: entry.channel,
    reason: entry.reason ?? null,
    onBehalf: isOnBehalf(entry.actorRole),
    summary: entry.summary ?? null,
    detail: entry.detail,
  }
}
