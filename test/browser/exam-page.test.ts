import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { sendWave } from '../../src/app/beta/send-wave.js'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { TEST_MAIL_SETTINGS } from '../factories/mail.js'
import {
  asStaff,
  chromiumAvailable,
  expectAccessible,
  type Portal,
  screenshot,
  signIn,
  usePortal,
  VIEWPORTS,
  type ViewportName,
} from './portal.js'

const viewports = Object.keys(VIEWPORTS) as ViewportName[]

/** Ana Tupou (NZ): failed 070-620 at two providers, the second on 14 June 2026 at 14:30 her time. */
const ANA = {
  firstName: 'Ana',
  lastName: 'Tupou',
  email: 'ana.tupou@example.com',
  country: 'NZ',
  timeZone: 'Pacific/Auckland',
}
/** Kenji Sato (JP): no attempts anywhere. */
const KENJI = {
  firstName: 'Kenji',
  lastName: 'Sato',
  email: 'kenji.sato@example.com',
  country: 'JP',
  timeZone: 'Asia/Tokyo',
}
/** Someone new in China, where the 071-621 beta is not offered. */
const WEI = {
  firstName: 'Wei',
  lastName: 'Zhang',
  email: 'wei.zhang@example.com',
  country: 'CN',
  timeZone: 'Asia/Shanghai',
}

/**
 * Makes an account for `person` through the API, as the sign-up page does,
 * and signs in on the page with the mailed code: the first sign-in claims
 * the candidate record with that email, or makes one.
 */
async function signUpAndIn(portal: Portal, page: Page, person: typeof ANA): Promise<void> {
  const response = await fetch(`${portal.url}/v1/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(person),
  })
  expect(response.status).toBe(202)
  await signIn(page, portal.db, person.email)
}

/** Nothing on the page is wider than the phone's screen. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  // Run in the page, where the DOM is; written as text because this file has no DOM types.
  const [scrolled, screen] = await page.evaluate<[number, number]>(
    '[document.documentElement.scrollWidth, window.innerWidth]',
  )
  expect(scrolled).toBeLessThanOrEqual(screen)
}

const section = (page: Page, name: string | RegExp) => page.getByRole('region', { name })

describe.skipIf(!chromiumAvailable)('an exam’s page, in Chromium', () => {
  const portal = usePortal()

  it.each(viewports)(
    'on a %s, an exam Chloe may take now says so, which attempt it is, and leads to a seat',
    async (viewport) => {
      const page = await portal().open({ viewport })
      await signIn(page, portal().db, DEMO_SIGN_IN.candidate)
      // From home: the exam of a result links to its page.
      await page.getByRole('link', { name: '071-622', exact: true }).first().click()
      await page.getByRole('heading', { level: 1, name: /^071-622 / }).waitFor()
      await page.getByRole('link', { name: '070-622', exact: true }).first().click()
      await page.waitForURL('**/exams/070-622')
      await page.getByRole('heading', { level: 1, name: /^070-622 / }).waitFor()

      const now = section(page, 'May I take it now?')
      await now.getByText('You may take this exam now.').waitFor()
      expect(await now.textContent()).toContain('Your 1st attempt at this exam')
      expect(await now.textContent()).toContain(
        'General Microsoft Certification exam retake policy (2021 revision), version 2',
      )
      const seat = now.getByRole('link', { name: 'Find a seat for 070-622' })
      expect(await seat.getAttribute('href')).toBe('/seats?exam=070-622')

      const whatIf = section(page, 'What if I fail?')
      const steps = whatIf.getByRole('listitem')
      await steps.first().waitFor()
      expect(await steps.first().textContent()).toMatch(/^1st attempt: now/)
      expect(await steps.nth(1).textContent()).toContain(
        '2nd attempt: from Tue, 16 Jun 2026, 22:00 Australian Eastern Standard Time',
      )
      expect(await steps.nth(1).textContent()).toContain('A wait of 24 hours after a failure')

      const price = section(page, 'Price and your codes')
      await price.getByText('US$165.00').waitFor()
      expect(await price.textContent()).toContain('Regular price')
      await price.getByText('You hold no codes.').waitFor()

      await expectAccessible(page)
      if (viewport === 'phone') await expectNoSidewaysScroll(page)
      await screenshot(page, 'exam-eligible', viewport)

      // By keyboard: the seat link is reached with Tab and followed with Enter.
      await seat.focus()
      await page.keyboard.press('Enter')
      await page.waitForURL('**/seats?exam=070-622')
    },
  )

  it.each(viewports)(
    'on a %s, a retake too soon says from when exactly, by which rule and policy, and what if each next attempt fails',
    async (viewport) => {
      const page = await portal().open({ viewport })
      await signUpAndIn(portal(), page, ANA)
      // Either spelling finds the exam; the address then shows the one stored.
      await page.goto('/exams/70-620')
      await page.waitForURL('**/exams/070-620')

      const now = section(page, 'May I take it now?')
      await now
        .getByText(
          'Your 3rd attempt at this exam can be taken from Sun, 28 Jun 2026, 14:30 New Zealand Standard Time. ' +
            'The waiting time between attempts is set by the General Microsoft Certification exam retake policy (2021 revision).',
        )
        .waitFor()
      const facts = await now.locator('dl').textContent()
      expect(facts).toContain('Sun, 28 Jun 2026, 14:30 New Zealand Standard Time')
      // The browser's own clock (Berlin) differs, so it is said beside.
      expect(facts).toContain('(your time: Sun, 28 Jun 2026, 04:30 Central European Summer Time)')
      expect(facts).toContain(
        'After 2 failures in a row, the General Microsoft Certification exam retake policy (2021 revision) asks for a wait of 14 days, ' +
          'counted from the last attempt (Sun, 14 Jun 2026, 14:30 New Zealand Standard Time).',
      )
      expect(await now.textContent()).toContain(
        'Only a seat that starts at or after Sun, 28 Jun 2026, 14:30 New Zealand Standard Time can be booked for you.',
      )

      const whatIf = section(page, 'What if I fail?')
      expect(await whatIf.textContent()).toContain('on your clock (Pacific/Auckland)')
      const steps = await whatIf.getByRole('listitem').allTextContents()
      expect(steps).toHaveLength(6)
      expect(steps[0]).toContain(
        '3rd attempt: from Sun, 28 Jun 2026, 14:30 New Zealand Standard Time',
      )
      expect(steps[0]).toContain(
        'A wait of 14 days after 2 failures in a row, under the General Microsoft Certification exam retake policy (2021 revision).',
      )
      expect(steps[1]).toContain(
        '4th attempt: from Sun, 12 Jul 2026, 14:30 New Zealand Standard Time',
      )
      expect(steps[1]).toContain('A wait of 14 days after 3 failures in a row')
      expect(steps[3]).toContain(
        '6th attempt: from Thu, 27 May 2027, 09:00 New Zealand Standard Time',
      )
      expect(steps[3]).toContain(
        'The limit of 5 attempts in the 12 months from 27 May 2026, under the General Microsoft Certification exam retake policy (2021 revision).',
      )

      await expectAccessible(page)
      if (viewport === 'phone') await expectNoSidewaysScroll(page)
      await screenshot(page, 'exam-retake-too-soon', viewport)
    },
  )

  it.each(viewports)(
    'on a %s, a beta not offered in the candidate’s country says so before any seat, with its terms and their standing',
    async (viewport) => {
      const page = await portal().open({ viewport })
      await signUpAndIn(portal(), page, WEI)
      await page.goto('/exams/071-621')
      await page.getByRole('heading', { level: 1, name: /^071-621 / }).waitFor()

      const now = section(page, 'May I take it now?')
      await now
        .getByText(
          'This beta exam is not offered to candidates in China: no seat can be booked for it.',
        )
        .waitFor()
      expect(await now.textContent()).toContain('Not under the current rules')
      const beta = section(page, 'Beta exam')
      await beta.getByText('250 seats left of 250').waitFor()
      // The candidate's own standing arrives with their record, after the programme's terms.
      await beta.getByText('You have no invitation to it.').waitFor()
      const terms = await beta.textContent()
      expect(terms).toContain('Any candidate')
      expect(terms).toContain(
        'China and Iran. Your country, China, is one of them: no seat can be booked for you.',
      )
      expect(terms).toContain('26 May 2026 to 10 July 2026')
      expect(terms).toContain('released from 9 August 2026')
      expect(terms).toContain('You have no invitation to it.')
      // Told before any seat: there is no way to one, and no plan of retakes for an exam never open to them.
      expect(await page.getByRole('link', { name: /^Find a seat/ }).count()).toBe(0)
      expect(await section(page, 'What if I fail?').count()).toBe(0)

      await expectAccessible(page)
      if (viewport === 'phone') await expectNoSidewaysScroll(page)
      await screenshot(page, 'exam-beta-restricted', viewport)
    },
  )

  it('a closed beta shows each candidate their wave, whether they are on its roster, and the codes that cover it', async () => {
    await asStaff(portal(), 'PUT', '/v1/exams/71-621/beta-programme', {
      seatLimit: 250,
      acceptsNewCandidates: false,
      restrictedCountries: ['CN', 'IR'],
      resultsReleaseAt: '2026-08-09T12:00:00Z',
    })
    const wave = (name: string, candidateId: string) =>
      asStaff<{ id: string }>(portal(), 'POST', '/v1/exams/71-621/beta-programme/waves', {
        name,
        audience: 'list',
        codeMode: 'single-use',
        candidateIds: [candidateId],
      })
    const first = await wave('first', 'cand-chloe')
    await wave('second', 'cand-kenji')
    await asStaff(portal(), 'POST', `/v1/waves/${first.id}/open`)
    await sendWave(
      { db: portal().db, clock: portal().clock, mail: TEST_MAIL_SETTINGS },
      { waveId: first.id },
      { id: 'test-admin', role: 'admin', channel: 'cli' },
    )

    const chloe = await portal().open()
    await signIn(chloe, portal().db, DEMO_SIGN_IN.candidate, '/exams/071-621')
    const beta = section(chloe, 'Beta exam')
    await beta.getByText('Invited in wave 1 (first), mailed 15 June 2026.').waitFor()
    expect(await beta.textContent()).toContain('Only candidates on its roster, by invitation')
    expect(await beta.textContent()).toContain('You are on its roster.')
    expect(await beta.textContent()).toContain('Your country, Australia, is not one of them.')
    await section(chloe, 'May I take it now?').getByText('You may take this exam now.').waitFor()
    const steps = await section(chloe, 'What if I fail?').getByRole('listitem').allTextContents()
    expect(steps).toHaveLength(2)
    expect(steps[1]).toContain(
      '2nd attempt: not under the current rules' +
        'A beta exam is taken once; after a failed beta, the live exam 070-621 can be taken once it is live.',
    )
    const codes = section(chloe, 'Your codes for this exam')
    await codes.getByRole('listitem').first().waitFor()
    expect(await codes.textContent()).toContain(
      'Beta exam invitation · pays for the whole exam · 1 use left',
    )
    await expectAccessible(chloe)
    await screenshot(chloe, 'exam-beta-invited', 'desktop')

    const kenji = await portal().open({ viewport: 'phone' })
    await signUpAndIn(portal(), kenji, KENJI)
    await kenji.goto('/exams/071-621')
    await section(kenji, 'Beta exam')
      .getByText('Invited in wave 2, which has not opened yet: you can register once it opens.')
      .waitFor()
    const now = section(kenji, 'May I take it now?')
    await now
      .getByText(
        'Your invitation belongs to a wave that has not opened yet; booking opens with it.',
      )
      .waitFor()
    // Told when, not "never"; and not that he is off the roster, which his invitation makes no matter.
    expect(await now.textContent()).toContain('EarliestWhen the wave of the invitation opens')
    expect(await section(kenji, 'Beta exam').textContent()).not.toContain('roster.')
    expect(await kenji.getByRole('link', { name: /^Find a seat/ }).count()).toBe(0)
    await expectAccessible(kenji)
    await screenshot(kenji, 'exam-beta-waiting', 'phone')
  })

  it('in German, every part of the page is in German', async () => {
    const page = await portal().open()
    await signUpAndIn(portal(), page, ANA)
    await page.goto('/exams/070-620')
    await page.getByRole('heading', { level: 2, name: 'May I take it now?' }).waitFor()
    // The language is chosen in the header, as a reader would.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    const now = section(page, 'Kann ich sie jetzt ablegen?')
    await now.getByText(/^Ihren 3\. Versuch dieser Prüfung können Sie ab /).waitFor()
    expect(await now.textContent()).toContain(
      'Nach 2 nicht bestandenen Versuchen in Folge verlangt die Regel „General Microsoft Certification exam retake policy (2021 revision)“ eine Wartezeit von 14 Tagen',
    )
    const whatIf = section(page, 'Was, wenn ich nicht bestehe?')
    expect(await whatIf.getByRole('listitem').first().textContent()).toMatch(
      /^3\. Versuch: ab So\., 28\. Juni 2026, 14:30 Neuseeland-Normalzeit/,
    )
    expect(await whatIf.textContent()).toContain(
      'Die Grenze von 5 Versuchen in den 12 Monaten ab dem 27. Mai 2026',
    )
    const price = section(page, 'Preis und Ihre Codes')
    await price.getByText('Regulärer Preis').waitFor()
    await price.getByText('Sie haben keine Codes.').waitFor()
    expect(await page.getByRole('link', { name: 'Einen Platz für 070-620 finden' }).count()).toBe(1)
    await expectAccessible(page)
    await screenshot(page, 'exam-german', 'desktop')
  })

  it('home leads to any exam by its number, by keyboard, and an unknown one is said in words', async () => {
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.candidate)
    await page.getByLabel('Exam number').fill('98-349')
    await page.keyboard.press('Enter')
    await page.waitForURL('**/exams/098-349')
    await page.getByRole('heading', { level: 1, name: /^098-349 / }).waitFor()
    await page.goto('/exams/70-999')
    await page
      .getByText(
        'There is no exam 70-999 in the catalogue. An exam number is written like 070-620.',
      )
      .waitFor()
    await expectAccessible(page)
  })
})
