import type { Candidate } from '../domain/candidate.js'
import type { Instant } from '../domain/instant.js'
import { type ComposedMail, finishMail } from './composed-mail.js'
import { formatMailTime } from './format-mail-time.js'
import type { MailSettings } from './mail-settings.js'
import { computePortalPageUrl } from './portal-page.js'

export interface BetaResultMailInput {
  /** `beta-result-due`: the sitting is recorded, the result comes on a date; `beta-result-released`: here it is. */
  readonly kind: 'beta-result-due' | 'beta-result-released'
  readonly candidate: Pick<Candidate, 'id' | 'firstName' | 'email' | 'timeZone'>
  readonly exam: string
  readonly examTitle: string
  readonly attemptId: string
  readonly resultsReleaseAt: Instant
  /** The released outcome; null while withheld. */
  readonly outcome: 'pass' | 'fail' | null
  /** The live exam the beta previews, for what comes next. */
  readonly liveExam?: string | null
  readonly now: Instant
}

/**
 * Words for a beta result: when it comes, or what it is and what follows
 * from it; a link to the candidate's results, and for a result not passed,
 * to the live exam's page (when it may be taken again).
 */
export function composeBetaResultMail(
  input: BetaResultMailInput,
  settings: Pick<MailSettings, 'help' | 'publicUrl'>,
): ComposedMail {
  const publicUrl = settings.publicUrl()
  const due = formatMailTime(input.resultsReleaseAt, input.candidate.timeZone)
  const lines = [`Dear ${input.candidate.firstName},`, '']
  let subject: string
  if (input.kind === 'beta-result-due') {
    subject = `${input.exam}: your beta result will be released on ${due}`
    lines.push(
      `Thank you for taking the beta exam ${input.exam} (${input.examTitle}).`,
      `Beta results are scored after the beta period closes. Yours will be released on ${due}; until then it shows as pending.`,
    )
  } else {
    const passed = input.outcome === 'pass'
    subject = `${input.exam}: your beta result — ${passed ? 'passed' : 'not passed'}`
    lines.push(
      `The results of the beta exam ${input.exam} (${input.examTitle}) are released.`,
      passed
        ? `You passed. The pass counts for ${input.liveExam ?? input.exam} and toward the certifications it is part of.`
        : `You did not pass. You may take ${input.liveExam ?? 'the live exam'} once it is live, under the usual retake policy.`,
      'As thanks for taking part, a reward code comes in a separate mail (one per beta exam taken).',
    )
  }
  lines.push('', `Your results online: ${computePortalPageUrl(publicUrl, { page: 'home' })}`)
  if (input.kind === 'beta-result-released' && input.outcome !== 'pass') {
    const exam = input.liveExam ?? input.exam
    lines.push(
      `When you may take ${exam}: ${computePortalPageUrl(publicUrl, { page: 'exam', exam })}`,
    )
  }
  lines.push('', '-- ', settings.help)
  return finishMail(subject, `${lines.join('\n')}\n`)
}
