import { Type } from 'typebox'
import type { ExceptionRequestView } from '../../app/exceptions/get-exception-request.js'
import {
  DESCRIPTION_MAX_LENGTH,
  DESCRIPTION_MIN_LENGTH,
  EXCEPTION_REASONS,
} from '../../domain/exception-request.js'
import { toInstantOut } from './instant.js'
import { Nullable } from './nullable.js'
import { ActorNames, actorNamesOut } from './registration.js'
import { Channel, OnBehalfReason } from './request-fields.js'

// Every field is optional here and only loosely bounded: the use case checks
// them all together and lists every problem at once (EXCEPTION_REQUEST_INVALID),
// which a schema refusal, stopping at the first part, would not.
const Text = (maxLength: number, options: object = {}) =>
  Type.Optional(Type.String({ maxLength, ...options }))

export const ExceptionRequestBody = Type.Object(
  {
    firstName: Text(200, { examples: ['Léa'] }),
    lastName: Text(200, { examples: ['Martin'] }),
    candidateId: Text(200),
    email: Text(320, {
      description: "The candidate's email address on file (any case)",
      examples: ['lea.martin@example.fr'],
    }),
    registrationId: Text(200, {
      description: 'The registration of the sitting that went wrong; any spelling of its id',
      examples: ['K7QM-2X9P-4RTC'],
    }),
    exam: Text(40, { examples: ['70-620'] }),
    description: Text(10 * DESCRIPTION_MAX_LENGTH, {
      description: `What went wrong, ${DESCRIPTION_MIN_LENGTH} to ${DESCRIPTION_MAX_LENGTH} characters`,
    }),
    providerCaseNumber: Text(200, {
      description: 'The case number the test-centre provider gave: 1 to 40 visible characters',
      examples: ['PRM-2026-004417'],
    }),
    reason: Text(200, {
      description: `One of ${EXCEPTION_REASONS.map((r) => `\`${r}\``).join(', ')}; any other reason is refused with the policy (EXCEPTION_REASON_NOT_ACCEPTED)`,
      examples: [...EXCEPTION_REASONS],
    }),
    channel: Channel,
    onBehalfReason: OnBehalfReason,
  },
  { additionalProperties: false },
)

const Note = Type.String({ minLength: 1, maxLength: 2000, description: 'Sent to the candidate' })

export const ApproveBody = Type.Object(
  {
    note: Note,
    waivesWait: Type.Boolean({ description: 'Lift the waiting time after a failure' }),
    waivesLimit: Type.Boolean({ description: 'Lift the limit on attempts in 12 months' }),
  },
  { additionalProperties: false, description: 'At least one of waivesWait and waivesLimit' },
)

export const DenyBody = Type.Object({ note: Note }, { additionalProperties: false })

export const ExceptionRequestOut = Type.Object({
  id: Type.String({ description: 'Readable on the phone', examples: ['H4TX-9QMC-2RPB'] }),
  candidateId: Type.String(),
  registrationId: Type.String(),
  exam: Type.Object({ number: Type.String(), title: Type.String() }),
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.String(),
  description: Type.String(),
  providerCaseNumber: Type.String(),
  reason: Type.Enum([...EXCEPTION_REASONS]),
  status: Type.Enum(['open', 'approved', 'denied']),
  channel: Type.String(),
  requestedAt: Type.String(),
  requestedBy: Type.Object({
    tokenId: Type.String(),
    role: Type.String(),
    onBehalf: Type.Boolean({ description: 'Filed by support staff for the candidate' }),
    ...ActorNames,
  }),
  review: Nullable(
    Type.Object({
      decision: Type.Enum(['approved', 'denied']),
      at: Type.String(),
      by: Type.Object({ tokenId: Type.String(), role: Type.String() }),
      note: Type.String(),
      waivesWait: Type.Boolean(),
      waivesLimit: Type.Boolean(),
    }),
  ),
  waiver: Nullable(
    Type.Object(
      {
        id: Type.String(),
        state: Type.Enum(['available', 'held', 'used']),
        heldByRegistrationId: Nullable(Type.String()),
        usedByAttemptId: Nullable(Type.String()),
      },
      {
        description:
          'The waiver an approval granted: available, held by a booking that relies on it, or used by an attempt',
      },
    ),
  ),
})

export function toExceptionRequestOut(view: ExceptionRequestView) {
  return {
    ...view,
    requestedAt: toInstantOut(view.requestedAt),
    requestedBy: { ...view.requestedBy, ...actorNamesOut(view.requestedBy) },
    review: view.review === null ? null : { ...view.review, at: toInstantOut(view.review.at) },
  }
}
