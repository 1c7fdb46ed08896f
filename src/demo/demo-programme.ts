import type { CancellationRefundRule } from '../domain/cancellation-refund.js'
import type { Certification } from '../domain/certification.js'
import type { ExamFamily } from '../domain/exam-family.js'
import type { PolicyVersion } from '../domain/policy-version.js'
import type { Provider } from '../domain/provider.js'

/**
 * The parts of the demo programme that do not move with `now`: retake
 * policies, exam families, delivery providers and certifications, as the
 * source documents describe them.
 */

/**
 * 2000-01-01T00:00:00Z: the demo programme's epoch. Every first policy
 * version is in force from here, so any attempt the demo invents (all of them
 * within a few years of `now`) is judged by a policy.
 */
export const DEMO_EPOCH = Date.UTC(2000, 0, 1)

/** 2021-03-31T00:00:00Z: the `ms.date` of the retake policy page, the general policy's revision 2. */
export const GENERAL_POLICY_REVISION_DATE = Date.UTC(2021, 2, 31)

export const DEMO_POLICY_VERSIONS: readonly PolicyVersion[] = [
  {
    policyId: 'general',
    version: 1,
    name: 'General Microsoft Certification exam retake policy',
    effectiveFrom: DEMO_EPOCH,
    kind: 'standard',
    waitHours: [24, 336],
    attemptLimit: 5,
    periodMonths: 12,
    retakeAfterPass: false,
  },
  {
    // Same rules, republished: shows that policies are versioned data.
    policyId: 'general',
    version: 2,
    name: 'General Microsoft Certification exam retake policy (2021 revision)',
    effectiveFrom: GENERAL_POLICY_REVISION_DATE,
    kind: 'standard',
    waitHours: [24, 336],
    attemptLimit: 5,
    periodMonths: 12,
    retakeAfterPass: false,
  },
  {
    policyId: 'mta-mce',
    version: 1,
    name: 'MTA and MCE exam retake policy',
    effectiveFrom: DEMO_EPOCH,
    kind: 'standard',
    waitHours: [24, 168],
    attemptLimit: 5,
    periodMonths: 12,
    retakeAfterPass: false,
  },
  {
    policyId: 'mos',
    version: 1,
    name: 'Microsoft Office Specialist exam retake policy',
    effectiveFrom: DEMO_EPOCH,
    kind: 'standard',
    waitHours: [24, 48],
    attemptLimit: null,
    periodMonths: 12,
    retakeAfterPass: true,
  },
  {
    policyId: 'beta',
    version: 1,
    name: 'Beta exam retake policy',
    effectiveFrom: DEMO_EPOCH,
    kind: 'beta',
    waitHours: [],
    attemptLimit: null,
    periodMonths: 12,
    retakeAfterPass: false,
  },
]

export const DEMO_FAMILIES: readonly ExamFamily[] = [
  {
    id: 'general',
    name: 'Microsoft Certified Professional exams (70-xxx)',
    prefixes: ['070'],
    policyId: 'general',
  },
  { id: 'beta', name: 'Beta exams (71-xxx)', prefixes: ['071'], policyId: 'beta' },
  {
    id: 'academic',
    name: 'Academic exams (72-xxx, 73-xxx)',
    prefixes: ['072', '073'],
    policyId: 'general',
  },
  {
    id: 'mta',
    name: 'Microsoft Technology Associate (MTA)',
    prefixes: ['098'],
    policyId: 'mta-mce',
  },
  { id: 'mce', name: 'Microsoft Certified Educator (MCE)', prefixes: ['062'], policyId: 'mta-mce' },
  { id: 'mos', name: 'Microsoft Office Specialist (MOS)', prefixes: ['077'], policyId: 'mos' },
]

/** A provider of the programme, with its refund rule. */
export interface DemoProvider extends Provider {
  readonly cancellationRefund: CancellationRefundRule
}

/**
 * The two delivery providers and their rules for changing an appointment.
 * The sources give no figures (a candidate there could not cancel at
 * Prometric four days ahead); the demo uses the common "24 hours before" for
 * both, except that Pearson VUE wants cancellations 48 hours ahead, so that
 * the two providers' rules differ and a refusal must say whose rule applies.
 * Money likewise: Prometric refunds in full until 72 hours before and keeps
 * a quarter after; Pearson VUE refunds in full until 96 hours before and
 * nothing after, so that both outcomes of a late cancellation show.
 */
export const DEMO_PROVIDERS: readonly DemoProvider[] = [
  {
    id: 'prometric',
    name: 'Prometric',
    rescheduleCutoffHours: 24,
    cancelCutoffHours: 24,
    cancellationRefund: { fullRefundHours: 72, lateFeePercent: 25 },
  },
  {
    id: 'pearson-vue',
    name: 'Pearson VUE',
    rescheduleCutoffHours: 24,
    cancelCutoffHours: 48,
    cancellationRefund: { fullRefundHours: 96, lateFeePercent: 100 },
  },
]

export const DEMO_CERTIFICATIONS: readonly Certification[] = [
  {
    id: 'mcts-windows-vista-configuration',
    name: 'MCTS: Windows Vista, Configuration',
    exams: ['070-620'],
    validityMonths: null,
  },
  {
    id: 'mcitp-enterprise-support-technician',
    name: 'MCITP: Enterprise Support Technician',
    exams: ['070-620', '070-622'],
    validityMonths: null,
  },
  {
    id: 'mta-windows-os-fundamentals',
    name: 'MTA: Windows Operating System Fundamentals',
    exams: ['098-349'],
    validityMonths: 36,
  },
  { id: 'mos-excel-2016', name: 'MOS: Excel 2016', exams: ['077-727'], validityMonths: null },
  {
    id: 'microsoft-certified-educator',
    name: 'Microsoft Certified Educator',
    exams: ['062-193'],
    validityMonths: 24,
  },
]
