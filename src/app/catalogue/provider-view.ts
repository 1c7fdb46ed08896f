import type { CancellationRefundRule } from '../../domain/cancellation-refund.js'
import type { ExamNumber } from '../../domain/exam-number.js'
import type { Provider } from '../../domain/provider.js'

/** A provider as the API and CLI show it: its change and refund rules and the exams it delivers. */
export interface ProviderView extends Provider {
  readonly cancellationRefund: CancellationRefundRule
  /** Canonical numbers, in order. */
  readonly exams: readonly ExamNumber[]
}
