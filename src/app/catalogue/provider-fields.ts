import type { CancellationRefundRule } from '../../domain/cancellation-refund.js'
import { AppError } from '../errors.js'

/** Provider input turned into values, or refused naming the field. */

/** The longest change rule a provider may set: a year, in hours. */
export const MAX_CUTOFF_HOURS = 8_760

const PROVIDER_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/

/** A provider id: lower-case letters, digits and inner hyphens (`pearson-vue`), at most 40. */
export function requireProviderId(text: string, field = 'id'): string {
  if (!PROVIDER_ID.test(text)) {
    throw new AppError('VALIDATION_FAILED', {
      field,
      problem:
        'must be lower-case letters, digits and inner hyphens, at most 40 (such as pearson-vue)',
    })
  }
  return text
}

/** A change rule: whole hours before the appointment, from 0 (until it starts) to a year. */
export function requireCutoffHours(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_CUTOFF_HOURS) {
    throw new AppError('VALIDATION_FAILED', {
      field,
      problem: `must be a whole number of hours from 0 to ${MAX_CUTOFF_HOURS}`,
    })
  }
  return value
}

/** A refund rule: whole hours as a change rule, and a fee from 0 to 100 %. */
export function requireRefundRule(
  rule: CancellationRefundRule,
  field = 'cancellationRefund',
): CancellationRefundRule {
  if (
    !Number.isInteger(rule.lateFeePercent) ||
    rule.lateFeePercent < 0 ||
    rule.lateFeePercent > 100
  ) {
    throw new AppError('VALIDATION_FAILED', {
      field: `${field}.lateFeePercent`,
      problem: 'must be a whole percentage from 0 to 100',
    })
  }
  return {
    fullRefundHours: requireCutoffHours(rule.fullRefundHours, `${field}.fullRefundHours`),
    lateFeePercent: rule.lateFeePercent,
  }
}
