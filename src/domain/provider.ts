/** A test-centre network that delivers exams, with its rules for changing an appointment. */
export interface Provider {
  readonly id: string
  readonly name: string
  /** A reschedule must be made at least this many hours before the appointment. */
  readonly rescheduleCutoffHours: number
  /** A cancellation must be made at least this many hours before the appointment. */
  readonly cancelCutoffHours: number
}
