import { type TStringOptions, Type } from 'typebox'
import { CHANNELS } from '../../domain/channel.js'
import { PAYABLE_METHODS } from '../../domain/offer.js'
import { ON_BEHALF_REASON_MAX_LENGTH } from '../../domain/on-behalf-reason.js'

/** How a request reached us, on every body that changes a candidate's records. */
export const Channel = Type.Optional(
  Type.Enum([...CHANNELS], {
    description:
      'How the request reached us; support staff say how the candidate asked them: `phone`, `email`, `chat` or `in-person`',
  }),
)

/** Why staff act for the candidate: shown to the candidate beside the agent's name. */
export const OnBehalfReason = Type.Optional(
  Type.String({
    minLength: 1,
    maxLength: ON_BEHALF_REASON_MAX_LENGTH,
    description:
      "Why support or an admin acts for the candidate, shown to the candidate with the agent's name in the mail and the history; required by phone and on the web (`ON_BEHALF_REASON_REQUIRED`), optional through the API",
    examples: ['The candidate called: no seat could be booked online'],
  }),
)

/** How a registration may be paid by whoever pays (`free` is examdesk's own, for nothing due). */
export const PayableMethod = Type.Enum([...PAYABLE_METHODS])

/** An ISO 4217 currency code. */
export function CurrencyCode(options: TStringOptions = {}) {
  return Type.String({ pattern: '^[A-Z]{3}$', ...options })
}

/** The path of a route about one exam: `/exams/{number}/…`, either spelling. */
export const ExamParams = Type.Object({ number: Type.String({ minLength: 1, maxLength: 20 }) })
