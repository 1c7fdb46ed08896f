import { describe, expect, it } from 'vitest'
import { renderMailHtml } from './render-mail-html.js'

const TEXT = [
  'Hello Ana <Silva> & "Co",',
  '',
  'Your exam is booked.',
  'It starts soon.',
  '',
  '  Exam:          070-620 Configuring Windows 7',
  '  When:          Sunday 5 April 2026, 08:30 (Pacific/Auckland, UTC+12:00), centre time',
  '                 that is Saturday 4 April 2026, 13:30 (America/Los_Angeles, UTC-07:00), your time',
  '  Not offered in: China, Iran',
  '',
  'Changes',
  '  Reschedule until Friday 3 April 2026, 13:30 (America/Los_Angeles, UTC-07:00).',
  '  Cancel: no longer possible.',
  '    Ask support.',
  '',
  'Book at https://exams.example.test/book?exam=70-620&x=1.',
  '',
  '-- ',
  'This address is not monitored. For help, write to help@example.test.',
  '',
].join('\n')

describe('renderMailHtml', () => {
  const html = renderMailHtml('Exam booked: 070-620 <soon>', TEXT)

  it('is a whole HTML document with the subject as its title', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/)
    expect(html).toContain('<title>Exam booked: 070-620 &lt;soon&gt;</title>')
    expect(html.trimEnd().endsWith('</html>')).toBe(true)
  })

  it('escapes every character of the text', () => {
    expect(html).toContain('Hello Ana &lt;Silva&gt; &amp; &quot;Co&quot;,')
    expect(html).not.toContain('<Silva>')
  })

  it('lays out the facts as a table, a continued value in its own row', () => {
    expect(html).toContain(
      '<th scope="row" style="text-align:left;vertical-align:top;padding:4px 16px 4px 0;font-weight:bold;white-space:nowrap">When</th>',
    )
    expect(html).toMatch(
      /centre time<br>that is Saturday 4 April 2026, 13:30 \(America\/Los_Angeles, UTC-07:00\), your time<\/td><\/tr>/,
    )
    expect(html).toMatch(/>Not offered in<\/th><td[^>]*>China, Iran<\/td>/)
  })

  it('makes a heading of a line over indented ones, each item a paragraph', () => {
    expect(html).toMatch(/<h2[^>]*>Changes<\/h2>/)
    expect(html).toMatch(
      /<p[^>]*>Reschedule until Friday 3 April 2026, 13:30 \(America\/Los_Angeles, UTC-07:00\)\.<\/p>/,
    )
    expect(html).toMatch(/<p[^>]*>Cancel: no longer possible\.<br>Ask support\.<\/p>/)
  })

  it('keeps the lines of a paragraph, and links web addresses without the full stop after them', () => {
    expect(html).toMatch(/<p[^>]*>Your exam is booked\.<br>It starts soon\.<\/p>/)
    expect(html).toContain(
      'Book at <a href="https://exams.example.test/book?exam=70-620&amp;x=1">https://exams.example.test/book?exam=70-620&amp;x=1</a>.',
    )
  })

  it('sets the help apart at the foot, after a rule', () => {
    expect(html).toMatch(
      /<hr[^>]*>\n<p[^>]*>This address is not monitored\. For help, write to help@example\.test\.<\/p>\n<\/div>/,
    )
  })
})
