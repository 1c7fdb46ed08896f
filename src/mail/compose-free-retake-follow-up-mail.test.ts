import { describe, expect, it } from 'vitest'
import { TEST_MAIL_SETTINGS } from '../../test/factories/mail.js'
import { SECOND_SHOT_VERSIONS } from '../demo/demo-offers.js'
import type { OfferVersion } from '../domain/offer.js'
import {
  composeFreeRetakeFollowUpMail,
  computeFreeRetakeFollowUpDedupeKey,
  type FreeRetakeFollowUpInput,
} from './compose-free-retake-follow-up-mail.js'

const SECOND_SHOT_2008 = SECOND_SHOT_VERSIONS[0]!
const enrolment = SECOND_SHOT_2008.enrolment!

function input(overrides: Partial<FreeRetakeFollowUpInput> = {}): FreeRetakeFollowUpInput {
  return {
    candidate: {
      id: 'cand-ana',
      firstName: 'Ana',
      lastName: 'Silva',
      email: 'ana@example.test',
      timeZone: 'America/Los_Angeles',
    },
    registrationId: 'K7QX-M2PD-9TRW',
    exam: { number: '070-620', title: 'TS: Windows Vista' },
    code: 'N95RXKVNF7BN8VUGYP',
    codeExpiresAt: SECOND_SHOT_2008.useBefore,
    offer: SECOND_SHOT_2008,
    now: enrolment.opensAt + 86_400_000,
    ...overrides,
  }
}

describe('composeFreeRetakeFollowUpMail', () => {
  it('says what the code holds for this exam and how to enrol again for another', () => {
    const mail = composeFreeRetakeFollowUpMail(input(), TEST_MAIL_SETTINGS)
    expect(mail.subject).toBe('Second Shot 2008: a free retake on more exams')
    expect(mail.bodyText).toContain(
      'uses your Second Shot 2008 code N95RXK-VNF7BN-8VUGYP: if this attempt fails, the same code books one free retake of 070-620.',
    )
    expect(mail.bodyText).toMatch(
      /For a free retake on another exam, enrol in Second Shot 2008 again before .+: each enrolment sends you a new code for one more exam\./,
    )
    expect(mail.bodyText).toContain(
      'Enrol at https://exams.examdesk.test/book, or through support (+64 9 000 0000 or help@examdesk.test).',
    )
    expect(mail.bodyText).toContain('Exams the offer covers: exams numbered 070-…')
  })

  it('says, with the after-pass discount, that the discounted exam has no free retake', () => {
    const body = composeFreeRetakeFollowUpMail(input(), TEST_MAIL_SETTINGS).bodyText
    expect(body).toMatch(
      /gives 25 % off one more exam .+\. A discounted exam carries no free retake/,
    )
  })

  it('tells a pack’s holder to use the same code, and says so plainly once enrolment has closed', () => {
    const pack: OfferVersion = { ...SECOND_SHOT_2008, benefit: { kind: 'free-retake', exams: 3 } }
    expect(
      composeFreeRetakeFollowUpMail(input({ offer: pack }), TEST_MAIL_SETTINGS).bodyText,
    ).toContain(
      'Your code covers up to 3 different exams, this one included: enter the same code N95RXK-VNF7BN-8VUGYP when you book each of them.',
    )
    const late = composeFreeRetakeFollowUpMail(
      input({ now: enrolment.closesAt }),
      TEST_MAIL_SETTINGS,
    )
    expect(late.bodyText).toMatch(
      /enrolment in Second Shot 2008 closed on .+: no further exam can have a free retake under this offer\./,
    )
  })

  it('is keyed once per candidate and offer', () => {
    expect(computeFreeRetakeFollowUpDedupeKey('cand-ana', 'second-shot')).toBe(
      'free-retake-more-exams:cand-ana:second-shot',
    )
  })
})
