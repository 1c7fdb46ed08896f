import { Type } from 'typebox'
import { ERROR_CATALOGUE } from '../app/errors.js'

/** The shape of every error answer, for the OpenAPI document (see `problem.ts`). */
export const ProblemDetailsSchema = Type.Object(
  {
    type: Type.String({ description: 'URI of the kind of problem: urn:examdesk:problem:<code>.' }),
    title: Type.String({ description: 'A short summary of the kind of problem.' }),
    status: Type.Integer({ description: 'The HTTP status code.' }),
    code: Type.String({
      description: 'The stable error code; switch on this, not on the text.',
      enum: Object.keys(ERROR_CATALOGUE),
    }),
    detail: Type.String({ description: 'A sentence for a person, about this occurrence.' }),
    field: Type.Optional(
      Type.String({ description: 'The input field at fault, in dot notation (betaPeriod.end).' }),
    ),
    requestId: Type.String({ description: 'Quote this when asking for help.' }),
  },
  {
    additionalProperties: true,
    description:
      'RFC 9457 problem details. Further members are the facts of the problem, such as earliestAt, location or errors.',
  },
)
