import { Type } from 'typebox'
import type { ProviderView } from '../../app/provider-view.js'

const CutoffHours = Type.Integer({ minimum: 0, maximum: 8760 })

export const ProviderOut = Type.Object({
  id: Type.String({ examples: ['pearson-vue'] }),
  name: Type.String(),
  rescheduleCutoffHours: Type.Integer({
    description: 'A reschedule must be made at least this many hours before the appointment',
  }),
  cancelCutoffHours: Type.Integer({
    description: 'A cancellation must be made at least this many hours before the appointment',
  }),
  exams: Type.Array(Type.String(), { description: 'The exams it delivers, canonical numbers' }),
})

export const ProviderRulesBody = Type.Object(
  {
    rescheduleCutoffHours: { ...CutoffHours, examples: [24] },
    cancelCutoffHours: { ...CutoffHours, examples: [48] },
  },
  { additionalProperties: false },
)

export const CreateProviderBody = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 40, examples: ['kryterion'] }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    rescheduleCutoffHours: Type.Optional(CutoffHours),
    cancelCutoffHours: Type.Optional(CutoffHours),
  },
  { additionalProperties: false },
)

export function toProviderOut(provider: ProviderView) {
  return {
    id: provider.id,
    name: provider.name,
    rescheduleCutoffHours: provider.rescheduleCutoffHours,
    cancelCutoffHours: provider.cancelCutoffHours,
    exams: [...provider.exams],
  }
}
