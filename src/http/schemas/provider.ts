import { Type } from 'typebox'
import type { ProviderView } from '../../app/catalogue/provider-view.js'

const CutoffHours = Type.Integer({ minimum: 0, maximum: 8760 })

const CancellationRefund = Type.Object(
  {
    fullRefundHours: Type.Integer({
      minimum: 0,
      maximum: 8760,
      description:
        'A paid registration cancelled at least this many hours before the appointment is refunded in full',
      examples: [72],
    }),
    lateFeePercent: Type.Integer({
      minimum: 0,
      maximum: 100,
      description:
        'Cancelled later (inside the cancel window): the share of what was paid kept as a fee',
      examples: [25],
    }),
  },
  {
    additionalProperties: false,
    description: 'What a cancellation does with the money paid',
  },
)

export const ProviderOut = Type.Object({
  id: Type.String({ examples: ['pearson-vue'] }),
  name: Type.String(),
  rescheduleCutoffHours: Type.Integer({
    description: 'A reschedule must be made at least this many hours before the appointment',
  }),
  cancelCutoffHours: Type.Integer({
    description: 'A cancellation must be made at least this many hours before the appointment',
  }),
  cancellationRefund: CancellationRefund,
  exams: Type.Array(Type.String(), { description: 'The exams it delivers, canonical numbers' }),
})

export const ProviderRulesBody = Type.Object(
  {
    rescheduleCutoffHours: { ...CutoffHours, examples: [24] },
    cancelCutoffHours: { ...CutoffHours, examples: [48] },
    cancellationRefund: Type.Optional(CancellationRefund),
  },
  { additionalProperties: false },
)

export const CreateProviderBody = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 40, examples: ['kryterion'] }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    rescheduleCutoffHours: Type.Optional(CutoffHours),
    cancelCutoffHours: Type.Optional(CutoffHours),
    cancellationRefund: Type.Optional(CancellationRefund),
  },
  { additionalProperties: false },
)

export function toProviderOut(provider: ProviderView) {
  return {
    id: provider.id,
    name: provider.name,
    rescheduleCutoffHours: provider.rescheduleCutoffHours,
    cancelCutoffHours: provider.cancelCutoffHours,
    cancellationRefund: { ...provider.cancellationRefund },
    exams: [...provider.exams],
  }
}
