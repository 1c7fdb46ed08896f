import { describe, expect, it } from 'vitest'
import { BETA_REWARD, SECOND_SHOT_VERSIONS, STUDY_BOOK_DISCOUNT } from '../demo/demo-offers.js'
import {
  composeVoucherMail,
  computeVoucherDedupeKey,
  type VoucherMailInput,
} from './compose-voucher-mail.js'

const HELP = 'This address is not monitored. For help, write to help@example.test.'
const CODE = 'N95RXKVNF7BN8VUGYP'
const SECOND_SHOT_2008 = SECOND_SHOT_VERSIONS[0]!

function input(overrides: Partial<VoucherMailInput> = {}): VoucherMailInput {
  return {
    voucher: { code: CODE, expiresAt: SECOND_SHOT_2008.useBefore },
    offer: SECOND_SHOT_2008,
    candidate: {
      id: 'cand-ana',
      firstName: 'Ana',
      lastName: 'Silva',
      email: 'ana@example.test',
      timeZone: 'America/Los_Angeles',
    },
    providerNames: new Map([['prometric', 'Prometric']]),
    help: HELP,
    bookingPlace: 'https://exams.example.test/book',
    helpContact: '+1 800 555 0100',
    publicUrl: 'https://exams.example.test',
    ...overrides,
  }
}

describe('composeVoucherMail', () => {
  it('hands over the grouped code with every restriction of the offer, before the last step', () => {
    const mail = composeVoucherMail(input())
    expect(mail.subject).toBe('Your voucher code: Second Shot 2008')
    expect(mail.subject).not.toContain('N95RXK')
    expect(mail.attachments).toEqual([])
    const body = mail.bodyText
    expect(body).toContain('Hello Ana Silva,')
    expect(body).toContain('Code:        N95RXK-VNF7BN-8VUGYP')
    expect(body).toContain('Offer:       Second Shot 2008')
    expect(body).toContain('Exams:       exams numbered 070-…')
    expect(body).toContain('Providers:   Prometric only')
    expect(body).toContain('Payment:     card only')
    expect(body).toContain(
      'Combines:    no: it cannot be used together with any other offer or code',
    )
    expect(body).toContain('one free retake of the same exam')
    expect(body).toContain('your first attempt is paid as usual')
  })

  it('shows the expiry on the candidate’s clock with the zone named, across a DST change', () => {
    // 1 July 2009 00:00 UTC is 30 June, 17:00 in Los Angeles (PDT).
    const summer = composeVoucherMail(input())
    expect(summer.bodyText).toContain(
      'must take place before Tuesday 30 June 2009, 17:00 (America/Los_Angeles, UTC-07:00)',
    )
    // In January the same zone is on PST, and Auckland is on NZDT.
    const winter = composeVoucherMail(
      input({ voucher: { code: CODE, expiresAt: Date.UTC(2027, 0, 15, 0, 0) } }),
    )
    expect(winter.bodyText).toContain(
      'Thursday 14 January 2027, 16:00 (America/Los_Angeles, UTC-08:00)',
    )
    const auckland = composeVoucherMail(
      input({
        candidate: { ...input().candidate, timeZone: 'Pacific/Auckland' },
        voucher: { code: CODE, expiresAt: Date.UTC(2027, 0, 15, 0, 0) },
      }),
    )
    expect(auckland.bodyText).toContain(
      'Friday 15 January 2027, 13:00 (Pacific/Auckland, UTC+13:00)',
    )
  })

  it('names the after-pass discount of the years that had one, and that it carries no free retake', () => {
    const body = composeVoucherMail(input()).bodyText
    const announced = body.match(
      /If you pass your first attempt between .+ the same code gives 25 % off one more exam booked before [^)]+2009[^)]+\)\. (.+)/,
    )
    // Said where the discount is announced, not somewhere further down.
    expect(announced?.[1]).toMatch(
      /^A discounted exam carries no free retake: if you fail it, a retake is paid as usual/,
    )
    const without = composeVoucherMail(input({ offer: SECOND_SHOT_VERSIONS[3]! })).bodyText
    expect(without).not.toContain('If you pass')
    expect(without).not.toContain('discounted exam')
  })

  it('says what a person does with the code: where to enter it, and what the booking shows', () => {
    const body = composeVoucherMail(input()).bodyText
    expect(body).toContain('1. Book your exam at: https://exams.example.test/book.')
    expect(body).toContain(
      '2. Enter the code N95RXK-VNF7BN-8VUGYP when you book. Before you pay, the booking shows what the code does for that exam and what is left to pay.',
    )
    expect(body).toContain('Have the code added to that booking before you pay.')
    expect(body).toContain(
      'If the first attempt fails, book the retake of the same exam the same way, with the same code',
    )
    expect(body).toContain('Read the code out to support (+1 800 555 0100)')
    expect(body).not.toMatch(/\/v1\/|voucherCode|GET |preview/)
    expect(body.trimEnd().endsWith(HELP)).toBe(true)
  })

  it('describes open terms plainly: every provider, any payment, combinable, no expiry', () => {
    const body = composeVoucherMail(
      input({ offer: STUDY_BOOK_DISCOUNT, voucher: { code: CODE, expiresAt: null } }),
    ).bodyText
    expect(body).toContain('Providers:   every provider')
    expect(body).toContain('Payment:     any payment method')
    expect(body).toContain('Combines:    yes, with other codes on the same registration')
    expect(body).toContain('Valid:       it does not expire')
    expect(body).toContain('Gives:       15 % off the list price, for one registration')
    expect(body).toContain('Exams:       every exam')
  })

  it('shows a provider id when its name is not known', () => {
    const body = composeVoucherMail(input({ providerNames: new Map() })).bodyText
    expect(body).toContain('Providers:   prometric only')
  })

  it('thanks a beta participant for the exam a reward is for', () => {
    const mail = composeVoucherMail(
      input({
        offer: BETA_REWARD,
        voucher: { code: CODE, expiresAt: Date.UTC(2027, 5, 15, 12), rewardForExam: '071-621' },
      }),
    )
    expect(mail.subject).toBe('Your beta reward voucher: Beta participant reward')
    expect(mail.bodyText).toContain('Thank you for taking the beta exam 071-621.')
    expect(mail.bodyText).toContain('Gives:       an exam at no charge, for one registration')
  })

  it('keys one mail per code, by a fingerprint that does not give the code away', () => {
    const key = computeVoucherDedupeKey(CODE)
    expect(key).toMatch(/^voucher-issued:[0-9a-f]{32}$/)
    expect(computeVoucherDedupeKey(CODE)).toBe(key)
    expect(key).not.toContain(CODE)
    expect(computeVoucherDedupeKey('22222222222222222A')).not.toBe(key)
  })
})
