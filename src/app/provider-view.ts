import type { ExamNumber } from '../domain/exam-number.js'
import type { Provider } from '../domain/provider.js'

/** A provider as the API and CLI show it: its change rules and the exams it delivers. */
export interface ProviderView extends Provider {
  /** Canonical numbers, in order. */
  readonly exams: readonly ExamNumber[]
}
