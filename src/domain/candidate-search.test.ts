import { describe, expect, it } from 'vitest'
import { parseCandidateSearch } from './candidate-search.js'

describe('reading the search box', () => {
  it('takes a registration id in any case, with or without dashes, spaces or braces', () => {
    for (const typed of [
      'K7QM-2X9P-4RTC',
      'k7qm2x9p4rtc',
      ' {k7qm 2x9p-4rtc} ',
      '"K7QM-2X9P-4RTC"',
    ])
      expect(parseCandidateSearch(typed).registrationId).toBe('K7QM-2X9P-4RTC')
    expect(parseCandidateSearch('K7QM-2X9P').registrationId).toBeNull()
  })

  it('takes a voucher code in any spelling, and not one with a typing mistake', () => {
    expect(parseCandidateSearch('n95rxk vnf7bn 8vugyp').voucherCode).toBe('N95RXKVNF7BN8VUGYP')
    expect(parseCandidateSearch('[N95RXK-VNF7BN-8VUGYP]').voucherCode).toBe('N95RXKVNF7BN8VUGYP')
    expect(parseCandidateSearch('N95RXK-VNF7BN-8VUGYQ').voucherCode).toBeNull()
  })

  it('takes an email whole, case ignored, and then no name words', () => {
    expect(parseCandidateSearch(' <Ana.Garcia@Example.org> ')).toMatchObject({
      text: 'Ana.Garcia@Example.org',
      email: 'ana.garcia@example.org',
      words: [],
    })
  })

  it('takes name words longest first, without a word another one starts', () => {
    expect(parseCandidateSearch('Lé Martin').words).toEqual(['martin', 'le'])
    expect(parseCandidateSearch('mar maria GAR').words).toEqual(['maria', 'gar'])
    expect(parseCandidateSearch('ana ana').words).toEqual(['ana'])
    expect(parseCandidateSearch('cand-ana')).toMatchObject({
      text: 'cand-ana',
      email: null,
      words: ['cand', 'ana'],
    })
  })
})
