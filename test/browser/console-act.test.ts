import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { DialectName } from '../../src/db/engine/dialect.js'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { instant } from '../api/api-harness.js'
import { ENROLMENT_DAY, enrolmentDay, SYDNEY } from './enrolment-day.js'
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
const HOUR = 3_600_000
const REASON = 'Chloe called: the booking page would not load on her phone.'
/** A sentence said to the candidate as "you": a page acting for her says none of them. */
const SAID_TO_YOU = /\b([Yy]ou|[Yy]our|[Yy]ours|I|[Mm]y)\b/
/** A time on the reader's own clock beside the centre's: said to the agent reading, of their clock. */
const READERS_CLOCK = /\(your time: [^)]*\)/g

/** The text of a part of the page, which must name Chloe and say nothing to her as "you". */
async function namesChloe(part: Locator): Promise<string> {
  await part.waitFor()
  const text = ((await part.textContent()) ?? '').replace(READERS_CLOCK, '')
  expect(text).toContain('Chloe')
  expect(text).not.toMatch(SAID_TO_YOU)
  return text
}

/**
 * Presses Tab until `target` has the focus, as a person at the keyboard
 * moves through the page; fails, naming it, when it is never reached.
 */
async function tabTo(page: Page, target: Locator, what: string): Promise<void> {
  await target.waitFor()
  for (let press = 0; press < 120; press++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((element) => element.matches(':focus'))) return
  }
  throw new Error(`Tab never reached ${what}`)
}

/** The registrations Chloe holds for 070-622 that are not cancelled. */
async function chloesLiveBookings(portal: Portal): Promise<{ id: string }[]> {
  const { items } = await asStaff<{
    items: { id: string; status: string; exam: { number: string } }[]
  }>(portal, 'GET', '/v1/candidates/cand-chloe/registrations?limit=200')
  return items.filter((item) => item.exam.number === '070-622' && item.status !== 'cancelled')
}

/** Rosa, signed in, finds Chloe at the search box and opens her page, by keyboard alone. */
async function rosaFindsChloe(portal: Portal, viewport: ViewportName): Promise<Page> {
  const page = await portal.open({ viewport })
  await signIn(page, portal.db, DEMO_SIGN_IN.support)
  const box = page.getByLabel(/^Candidate id, email, name/)
  await tabTo(page, box, 'the search box')
  await page.keyboard.type('chloe')
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { level: 2, name: 'Candidates found for “chloe”' }).waitFor()
  const link = page.getByRole('table').getByRole('link', { name: 'Chloe Nguyen' })
  await tabTo(page, link, 'Chloe in the list found')
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { level: 1, name: 'Chloe Nguyen' }).waitFor()
  return page
}

/**
 * The journey on from her candidate page's "Book a seat for them", keyboard
 * only: the exam typed, Friday in one press, the first free time, the
 * deadlines' tick, the channel and reason, and the button pressed twice.
 */
async function bookFridayByPhone(page: Page, viewport: ViewportName): Promise<string> {
  const book = page.getByRole('link', { name: 'Book a seat for them' })
  await tabTo(page, book, 'Book a seat for them')
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { level: 1, name: 'Find a seat' }).waitFor()
  expect(await page.getByText('Acting for Chloe Nguyen (cand-chloe)').count()).toBe(1)
  // Near her city to start with, as her own search would be.
  expect(await page.getByLabel('Near').inputValue()).toBe('Sydney')
  // The agent's own position is no use to the caller: no button offers it.
  expect(await page.getByRole('button', { name: 'Use my location' }).count()).toBe(0)

  await tabTo(page, page.getByLabel('Exam number'), 'the exam field')
  await page.keyboard.type('70-622')
  const friday = page.getByRole('button', { name: 'Friday 11 September' })
  await tabTo(page, friday, 'Friday')
  await page.keyboard.press('Enter')
  const results = page.getByRole('region', { name: 'Centres with a free seat' })
  await results.waitFor()
  await results.getByText(/11 September 2026 to 11 September 2026/).waitFor()
  expect(await friday.getAttribute('aria-pressed')).toBe('true')
  await expectAccessible(page)
  await screenshot(page, 'console-act-seats', viewport)

  const firstTime = results.getByRole('link').first()
  const when = (await firstTime.textContent()) ?? ''
  expect(when).toContain('Fri, 11 Sept 2026')
  await tabTo(page, firstTime, 'the first free time')
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { level: 1, name: /^Book 070-622/ }).waitFor()
  expect(page.url()).toMatch(/\/console\/candidates\/cand-chloe\/book\?exam=070-622&slot=/)

  // The seat, its deadlines and the tick speak of Chloe, not to her.
  const seat = await namesChloe(page.getByRole('region', { name: 'Chloe’s seat' }))
  expect(seat).toContain('Book it only if Chloe is sure to come.')
  // Friday is inside Prometric's 24 hours: no change after booking, said and ticked.
  await tabTo(
    page,
    page.getByRole('checkbox', { name: 'Chloe understands this booking cannot be changed' }),
    'the tick',
  )
  await page.keyboard.press('Space')
  const phone = page.getByRole('radio', { name: 'By phone' })
  expect(await phone.isChecked()).toBe(true)
  expect(await page.getByRole('radio', { name: 'Pay now by card' }).isChecked()).toBe(true)
  await tabTo(page, page.getByLabel('Reason the candidate will read'), 'the reason')
  await page.keyboard.type(REASON)
  await expectAccessible(page)
  await screenshot(page, 'console-act-book', viewport)

  const button = page.getByRole('button', { name: 'Book this seat' })
  await tabTo(page, button, 'the button')
  // A double press books once.
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.waitForURL(/\/console\/registrations\/[^/?]+\?booked=1$/)
  await namesChloe(page.getByRole('status').filter({ hasText: 'Booked for Chloe.' }))
  const id = new URL(page.url()).pathname.split('/').at(-1)!
  return id
}

function journey(engine: DialectName, only: readonly ViewportName[]) {
  describe.skipIf(!chromiumAvailable)(`support books for a caller, in Chromium (${engine})`, () => {
    const portal = usePortal(engine)

    it.each(only)(
      'Rosa finds Chloe, books her a Friday seat by phone, and Chloe reads who did it (%s)',
      async (viewport) => {
        await enrolmentDay(portal())
        const page = await rosaFindsChloe(portal(), viewport)
        const id = await bookFridayByPhone(page, viewport)

        const history = page.getByRole('region', { name: 'What happened' })
        const said = (await history.textContent()) ?? ''
        expect(said).toContain('Rosa Delgado (support) by phone')
        expect(said).toContain(REASON)
        // Its sentences are Chloe's own ("for you"), and the page says so to Rosa.
        expect(said).toContain('Each change as Chloe reads it')
        expect(await page.getByText('Paid').count()).toBeGreaterThan(0)
        await expectAccessible(page)
        await screenshot(page, 'console-act-registration', viewport)
        expect((await chloesLiveBookings(portal())).map((booking) => booking.id)).toEqual([id])

        // Chloe, on her own booking's page, reads who booked it, how and why.
        const chloe = await portal().open({ viewport })
        await signIn(chloe, portal().db, DEMO_SIGN_IN.candidate, `/registrations/${id}`)
        const hers = chloe.getByRole('region', { name: 'What happened' })
        await hers.waitFor()
        const read = (await hers.textContent()) ?? ''
        expect(read).toContain('Rosa Delgado')
        expect(read).toContain('by phone')
        expect(read).toContain(REASON)
      },
      240_000,
    )
  })
}

journey('sqlite', viewports)
journey('postgres', ['desktop'])

/** Chloe failed 070-622 at Sydney two hours ago: the 24-hour wait holds. */
async function failedSitting(portal: Portal): Promise<string> {
  await enrolmentDay(portal)
  const { items } = await asStaff<{
    items: { id: string; startsAt: string; deadlinesPassed: string[] }[]
  }>(portal, 'GET', `/v1/slots?exam=070-622&near=${SYDNEY}&limit=50`)
  const slot = items.find((candidate) => candidate.deadlinesPassed.length === 0)!
  const booked = await asStaff<{ id: string }>(portal, 'POST', '/v1/registrations', {
    candidateId: 'cand-chloe',
    exam: '070-622',
    slotId: slot.id,
    payment: { method: 'card' },
  })
  portal.clock.set(instant(slot.startsAt) + 2 * HOUR)
  await asStaff(portal, 'POST', `/v1/registrations/${booked.id}/check-in`)
  await asStaff(portal, 'POST', `/v1/registrations/${booked.id}/result`, { outcome: 'fail' })
  return booked.id
}

/** Chloe failed 070-622 two hours ago and asked for an exception, which has waited three hours. */
async function failedAndAsked(portal: Portal): Promise<{ requestId: string }> {
  const registrationId = await failedSitting(portal)
  const request = await asStaff<{ id: string }>(portal, 'POST', '/v1/exception-requests', {
    firstName: 'Chloe',
    lastName: 'Nguyen',
    candidateId: 'cand-chloe',
    email: DEMO_SIGN_IN.candidate,
    registrationId,
    exam: '070-622',
    description: 'The exam software closed itself twice in the first hour.',
    providerCaseNumber: 'PV-2026-000002',
    reason: 'lab-crash',
    channel: 'api',
  })
  // Three hours in the queue; still inside the 24 hours after the failed sitting.
  portal.clock.set(portal.clock.now() + 3 * HOUR)
  return { requestId: request.id }
}

describe.skipIf(!chromiumAvailable)('the exception request queue, in Chromium', () => {
  const portal = usePortal()

  it.each(viewports)(
    'support approves from the queue and the candidate may book inside the wait (%s)',
    async (viewport) => {
      const { requestId } = await failedAndAsked(portal())
      const chloe = await portal().open({ viewport })
      await signIn(chloe, portal().db, DEMO_SIGN_IN.candidate, '/exams/070-622')
      const now = chloe.getByRole('region', { name: 'May I take it now?' })
      await now.getByText('Earliest').waitFor()
      expect(await now.getByText('You may take this exam now.').count()).toBe(0)

      const page = await portal().open({ viewport })
      await signIn(page, portal().db, DEMO_SIGN_IN.support)
      await page.getByRole('link', { name: 'Exception requests' }).click()
      await page.getByRole('heading', { level: 1, name: 'Exception requests to review' }).waitFor()
      const queue = page.getByRole('region', { name: /waiting, oldest first/ })
      const entry = queue.getByRole('article', { name: /Chloe Nguyen/ })
      const said = (await entry.textContent()) ?? ''
      expect(said).toContain('Waited3 hours')
      expect(said).toContain('The lab crashed')
      expect(said).toContain('PV-2026-000002')
      expect(await entry.getByRole('link', { name: requestId }).count()).toBe(1)
      // Due two working days after it was filed (Monday 01:00 UTC): Wednesday 01:00.
      expect(await entry.locator('time').first().getAttribute('datetime')).toMatch(
        /^2026-09-16T01:00/,
      )
      await expectAccessible(page)
      await screenshot(page, 'console-exception-queue', viewport)

      // Approving without a note is refused, and the request stays.
      await entry.getByRole('button', { name: 'Approve' }).click()
      await entry.getByRole('alert').waitFor()
      await expectAccessible(page)
      await entry.getByLabel(/^Note to Chloe Nguyen/).fill('The centre confirmed the crash.')
      expect(await entry.getByRole('checkbox', { name: 'Lift the waiting time' }).isChecked()).toBe(
        true,
      )
      await entry.getByRole('button', { name: 'Approve' }).click()
      await page.getByText(`Approved ${requestId} for Chloe Nguyen`).waitFor()
      await page.getByText('No request is waiting for review.').waitFor()
      expect(await page.getByRole('article').count()).toBe(0)
      await expectAccessible(page)

      await chloe.reload()
      await now.getByText('You may take this exam now.').waitFor()
      expect(await now.getByText('It uses your approved retake exception.').count()).toBe(1)
    },
    240_000,
  )
})

interface AuditPage {
  items: {
    action: string
    actor: { displayName: string | null }
    channel: string
    reason: string | null
  }[]
}

describe.skipIf(!chromiumAvailable)('support enrols and files for a caller, in Chromium', () => {
  const portal = usePortal()

  it.each(viewports)(
    'Rosa gets Chloe a Second Shot code by email (%s)',
    async (viewport) => {
      portal().clock.set(ENROLMENT_DAY)
      const page = await portal().open({ viewport })
      await signIn(page, portal().db, DEMO_SIGN_IN.support, '/console/candidates/cand-chloe/offers')
      await page.getByRole('heading', { level: 1, name: 'Enrol in an offer' }).waitFor()
      await page.getByLabel('Exam number').fill('070-622')
      await page.getByRole('button', { name: 'Show the offers' }).click()
      const enrol = page.getByRole('button', { name: /^Get a Second Shot .* code$/ })
      await enrol.waitFor()
      await namesChloe(page.getByRole('region', { name: 'Codes Chloe can get for this exam' }))
      await choose(page, 'By email')
      await page
        .getByLabel('Reason the candidate will read')
        .fill('Chloe asked by email for the offer.')
      await expectAccessible(page)
      await screenshot(page, 'console-act-offers', viewport)
      await enrol.click()
      const said = page
        .getByRole('status')
        .filter({ hasText: 'Chloe’s code, also mailed to them:' })
      await namesChloe(said)
      const code = (await said.locator('code').textContent()) ?? ''
      expect(code).toMatch(/^[A-Z0-9-]{10,}$/)
      await expectAccessible(page)

      const audit = await asStaff<AuditPage>(portal(), 'GET', '/v1/candidates/cand-chloe/audit')
      expect(audit.items[0]).toMatchObject({
        actor: { displayName: 'Rosa Delgado' },
        channel: 'email',
        reason: 'Chloe asked by email for the offer.',
      })
      // Her page's timeline names the channel chosen, beside Rosa and the reason.
      await page.goto('/console/candidates/cand-chloe')
      const timeline = page.getByRole('region', { name: 'What was done to their records' })
      const entry = timeline.getByRole('listitem').filter({ hasText: 'Chloe asked by email' })
      await entry.waitFor()
      expect(await entry.textContent()).toMatch(/Rosa Delgado.*by email/)
    },
    120_000,
  )

  it.each(viewports)(
    'Rosa files Chloe’s exception request by phone (%s)',
    async (viewport) => {
      await failedSitting(portal())
      const page = await portal().open({ viewport })
      await signIn(
        page,
        portal().db,
        DEMO_SIGN_IN.support,
        '/console/candidates/cand-chloe/exception-request',
      )
      await page.getByRole('heading', { name: 'Which sitting went wrong?' }).waitFor()
      await page.getByRole('link', { name: /070-622/ }).click()
      await page.getByLabel('Describe what happened').waitFor()
      // The form is hers, said of her: what it knows, what she saw, the case number she was given.
      const known = await namesChloe(
        page.getByRole('region', { name: 'What examdesk already knows' }),
      )
      expect(known).toContain('from Chloe’s record and the booking')
      const wrong = await namesChloe(page.getByRole('region', { name: 'What went wrong' }))
      expect(wrong).toContain('what Chloe saw')
      expect(wrong).toContain('gave Chloe when the problem was reported')
      expect(
        await page.getByText('Support reviews every request and mails Chloe the decision').count(),
      ).toBe(1)
      // In German too.
      await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
      await page
        .getByText(
          'Werden so mit dem Antrag gesendet, aus dem Datensatz von Chloe und der Buchung.',
        )
        .waitFor()
      expect(await page.getByRole('button', { name: 'Antrag für Chloe senden' }).count()).toBe(1)
      expect(await page.getByText(/was Chloe gesehen hat/).count()).toBe(1)
      await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en')
      await page.getByRole('button', { name: 'Send the request for Chloe' }).waitFor()
      await choose(page, /The lab crashed/)
      await page
        .getByLabel('Describe what happened')
        .fill('The exam software closed itself twice in the first hour.')
      await page.getByLabel('The provider’s case number').fill('PV-2026-000002')
      // Sent without a reason: the form says so at the field, and nothing is filed.
      await page.getByRole('button', { name: 'Send the request for Chloe' }).click()
      await page
        .getByRole('alert')
        .getByText('Say why you are acting for the candidate: they read it.')
        .waitFor()
      const reason = page.getByLabel('Reason the candidate will read')
      expect(await reason.getAttribute('aria-invalid')).toBe('true')
      expect(
        (await asStaff<{ total: number }>(portal(), 'GET', '/v1/exception-requests')).total,
      ).toBe(0)
      await page
        .getByLabel('Reason the candidate will read')
        .fill('Chloe called after the sitting.')
      await expectAccessible(page)
      await screenshot(page, 'console-act-exception', viewport)
      await page.getByRole('button', { name: 'Send the request for Chloe' }).click()
      await namesChloe(
        page.getByRole('status').filter({ hasText: 'The request was filed for Chloe.' }),
      )
      const filed = (await page.getByRole('main').textContent()) ?? ''
      expect(filed).toContain('Rosa Delgado')
      // The request's page, read by staff, says of Chloe what it says to her as "you".
      expect(filed).toMatch(/Filed for Chloe by Rosa Delgado/)
      expect(filed).toContain('Support reviews every request and mails Chloe the decision.')
      expect(filed).toContain('Chloe’s description')
      await expectAccessible(page)
    },
    120_000,
  )
})

/** Picks a choice by pressing its visible label, as a person does (the radio itself is visually hidden). */
async function choose(page: Page, name: string | RegExp): Promise<void> {
  await page
    .locator('label')
    .filter({ has: page.getByRole('radio', { name }) })
    .click()
  expect(await page.getByRole('radio', { name }).isChecked()).toBe(true)
}

describe.skipIf(!chromiumAvailable)('a booking at the console, in Chromium', () => {
  const portal = usePortal()

  it.each(viewports)(
    'Rosa applies Chloe’s code, takes her card and cancels, by name (%s)',
    async (viewport) => {
      const { code, slots } = await enrolmentDay(portal())
      const slot = slots.find((candidate) => candidate.deadlinesPassed.length === 0)!
      const held = await asStaff<{ id: string }>(portal(), 'POST', '/v1/registrations', {
        candidateId: 'cand-chloe',
        exam: '070-622',
        slotId: slot.id,
      })
      const page = await portal().open({ viewport })
      await signIn(page, portal().db, DEMO_SIGN_IN.support, `/console/registrations/${held.id}`)
      await page.getByText('Acting for Chloe Nguyen (cand-chloe)').waitFor()
      // Until when the seat is held, and until when it can change, said of Chloe.
      await namesChloe(page.getByText(/^To be paid by .*: until then the seat is held for Chloe;/))
      const change = page.getByRole('region', { name: 'Change or cancel' })
      await change.getByText('This booking can be moved to another time until').waitFor()
      expect((await change.textContent())?.replace(READERS_CLOCK, '')).not.toMatch(SAID_TO_YOU)
      await page
        .getByLabel('Reason the candidate will read')
        .fill('Chloe called to pay with her Second Shot code.')

      // The code is shown for what it does before it is used, as Chloe would see it.
      await page.getByLabel('Voucher or promotion code').fill(code)
      await page.getByRole('button', { name: 'See what this code does' }).click()
      const use = page.getByRole('button', { name: 'Use this code' })
      await use.waitFor()
      const preview = page.getByRole('region', { name: 'Use a code on this booking' })
      expect((await preview.textContent())?.replace(READERS_CLOCK, '')).not.toMatch(SAID_TO_YOU)
      await expectAccessible(page)
      await screenshot(page, 'console-act-code', viewport)
      await use.click()
      await use.waitFor({ state: 'detached' })

      await page.getByRole('button', { name: /^Pay .* by card$/ }).click()
      await page.getByText('Booked · Paid').waitFor()

      await page.getByRole('button', { name: 'Cancel this booking' }).click()
      await page.getByRole('button', { name: 'Yes, cancel it' }).click()
      await page.getByText(/^Cancelled ·/).waitFor()
      const history = page.getByRole('region', { name: 'What happened' })
      // Each change is Rosa's with the reason: the code, the payment, the cancellation.
      const hers = history.getByRole('listitem').filter({ hasText: 'Rosa Delgado' })
      expect(await hers.count()).toBeGreaterThanOrEqual(3)
      expect(await history.textContent()).toContain(
        'Chloe called to pay with her Second Shot code.',
      )
      await expectAccessible(page)
    },
    240_000,
  )
})
