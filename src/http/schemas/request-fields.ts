import { type TStringOptions, Type } from 'typebox'
import { PAYABLE_METHODS } from '../../domain/offer.js'

/** How a request reached us, on every body that changes a candidate's records. */
export const Channel = Type.Optional(
  Type.Enum(['api', 'phone', 'web'], {
    description: 'How the request reached us; support staff taking a call say `phone`',
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
