import { Type } from 'typebox'
import type { Exam } from '../../domain/exam.js'
import { formatInstant } from '../../domain/instant.js'
import { Nullable } from './nullable.js'

export const ExamStatus = Type.Union([
  Type.Literal('beta'),
  Type.Literal('live'),
  Type.Literal('retired'),
])

export const ExamOut = Type.Object({
  number: Type.String({ description: 'Canonical spelling, `070-620`', examples: ['070-620'] }),
  title: Type.String(),
  family: Type.String(),
  policy: Type.String({ description: 'The retake policy that governs it (from its family)' }),
  status: ExamStatus,
  betaOf: Nullable(Type.String({ description: 'For a beta exam, the live exam it previews' })),
  betaPeriod: Nullable(Type.Object({ start: Type.String(), end: Type.String() })),
})

export function toExamOut(exam: Exam) {
  return {
    number: exam.number,
    title: exam.title,
    family: exam.family,
    policy: exam.policyId,
    status: exam.status,
    betaOf: exam.betaOf,
    betaPeriod: exam.betaPeriod
      ? { start: formatInstant(exam.betaPeriod.start), end: formatInstant(exam.betaPeriod.end) }
      : null,
  }
}
