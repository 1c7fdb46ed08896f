import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { newVoucher } from '../../src/app/vouchers/new-voucher.js'
import { insertVoucher } from '../../src/db/vouchers/vouchers.js'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { STUDY_BOOK_DISCOUNT } from '../../src/demo/demo-offers.js'
import { formatVoucherCode } from '../../src/domain/voucher-code.js'
import { instant } from '../api/api-harness.js'
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

/**
 * The failure paths of the seeds, as a candidate meets them: a code that
 * would eat the free retake, a beta registered twice, a change asked for
 * after the provider's deadline. Each is said on the page before anything
 * happens, and nothing happens until the candidate says so.
 */

const viewports = Object.keys(VIEWPORTS) as ViewportName[]

/** Second Shot 2026 takes enrolments from 1 September 2026. */
const ENROLMENT_DAY = instant('2026-09-10T12:00:00Z')
const SYDNEY = '-33.87,151.21'
const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS

interface Slot {
  id: string
  startsAt: string
  deadlinesPassed: string[]
}

/** The Sydney centre's weekday slots for the weeks after enrolment day, as an admin makes them. */
async function sydneySlots(portal: Portal): Promise<void> {
  portal.clock.set(ENROLMENT_DAY)
  await asStaff(portal, 'POST', '/v1/centres/syd-prometric/slots/generate', {
    from: '2026-09-14',
    to: '2026-10-31',
    every: '2h',
    daily: '09:00-17:00',
    days: 'mon-fri',
  })
}

/** The first slot near Sydney for `exam` that starts after `after` and can still be changed. */
async function slotAfter(portal: Portal, exam: string, after: number): Promise<Slot> {
  const { items } = await asStaff<{ items: Slot[] }>(
    portal,
    'GET',
    `/v1/slots?exam=${exam}&near=${SYDNEY}&limit=200`,
  )
  const slot = items.find(
    (candidate) => candidate.deadlinesPassed.length === 0 && Date.parse(candidate.startsAt) > after,
  )
  if (slot === undefined) throw new Error(`no changeable ${exam} slot near Sydney`)
  return slot
}

/** Registrations of Chloe's on one slot that are not cancelled. */
async function bookedOn(portal: Portal, slotId: string): Promise<number> {
  const rows = await portal.db
    .selectFrom('registrations')
    .select('id')
    .where('candidate_id', '=', 'cand-chloe')
    .where('slot_id', '=', slotId)
    .where('status', '!=', 'cancelled')
    .execute()
  return rows.length
}

/**
 * Chloe holds a Second Shot code whose first attempt, 070-622 at the Sydney
 * centre, failed: the code keeps one free retake of 070-622. She also holds
 * a study book's 15 % code. The retake's seat is a fortnight after.
 */
async function failedFirstAttempt(
  portal: Portal,
): Promise<{ secondShot: string; studyBook: string; retake: Slot }> {
  await sydneySlots(portal)
  const { code: secondShot } = await asStaff<{ code: string }>(
    portal,
    'POST',
    '/v1/offers/second-shot/enrolments',
    { candidateId: 'cand-chloe' },
  )
  const first = await slotAfter(portal, '070-622', ENROLMENT_DAY)
  const booked = await asStaff<{ id: string }>(portal, 'POST', '/v1/registrations', {
    candidateId: 'cand-chloe',
    exam: '070-622',
    slotId: first.id,
    voucherCode: secondShot,
    payment: { method: 'card' },
  })
  const sat = Date.parse(first.startsAt)
  portal.clock.set(instant(new Date(sat + 3 * HOUR_MS).toISOString()))
  await asStaff(portal, 'POST', `/v1/registrations/${booked.id}/result`, { outcome: 'fail' })
  const studyBook = newVoucher(
    STUDY_BOOK_DISCOUNT,
    { candidateId: 'cand-chloe', issuedBy: 'test' },
    portal.clock.now(),
  )
  await insertVoucher(portal.db, studyBook)
  const retake = await slotAfter(portal, '070-622', sat + 14 * 24 * HOUR_MS)
  return { secondShot, studyBook: formatVoucherCode(studyBook.code), retake }
}

/** What Chloe's Second Shot code did with its free retake of 070-622, if anything yet. */
async function retakeUse(portal: Portal, code: string): Promise<string[]> {
  const rows = await portal.db
    .selectFrom('voucher_uses')
    .select('kind')
    .where('voucher_code', '=', code.replaceAll('-', ''))
    .where('kind', 'in', ['free-retake', 'forfeited'])
    .execute()
  return rows.map((row) => row.kind)
}

const bookButton = (page: Page) => page.getByRole('button', { name: 'Book this seat' })

describe.skipIf(!chromiumAvailable)('the failure paths of the seeds, in Chromium', () => {
  const portal = usePortal()

  it.each(viewports)(
    'on a %s, a discount code on the retake says it would give up the free retake, and books only after the tick',
    async (viewport) => {
      const { secondShot, studyBook, retake } = await failedFirstAttempt(portal())
      const page = await portal().open({ viewport })
      await signIn(
        page,
        portal().db,
        DEMO_SIGN_IN.candidate,
        `/book?exam=070-622&slot=${retake.id}`,
      )
      await page.getByLabel('Voucher or promotion code').fill(studyBook)
      await page.getByRole('button', { name: 'See what this code does' }).click()
      const preview = page.locator('.code-preview')
      await preview.getByText('It gives up').waitFor()
      expect(await preview.textContent()).toContain('free retake of 070-622')
      const tick = page.getByRole('checkbox', {
        name: 'I understand what this code gives up, and want to use it anyway',
      })
      expect(await tick.isChecked()).toBe(false)
      // Held until the tick: pressing the button does nothing, and nothing is booked.
      expect(await bookButton(page).isDisabled()).toBe(true)
      expect(await bookedOn(portal(), retake.id)).toBe(0)
      await expectAccessible(page)
      await screenshot(page, 'book-code-would-forfeit', viewport)

      await page.getByText('I understand what this code gives up').click()
      expect(await bookButton(page).isDisabled()).toBe(false)
      await bookButton(page).click()
      await page.getByRole('status').filter({ hasText: 'Booked.' }).waitFor()
      expect(await bookedOn(portal(), retake.id)).toBe(1)
      expect(await retakeUse(portal(), secondShot)).toEqual(['forfeited'])
    },
  )

  it.each(viewports)(
    'on a %s, the Second Shot code on the retake books it at no charge and gives nothing up',
    async (viewport) => {
      const { secondShot, retake } = await failedFirstAttempt(portal())
      const page = await portal().open({ viewport })
      await signIn(
        page,
        portal().db,
        DEMO_SIGN_IN.candidate,
        `/book?exam=070-622&slot=${retake.id}`,
      )
      await page.getByLabel('Voucher or promotion code').fill(secondShot)
      await page.getByRole('button', { name: 'See what this code does' }).click()
      const preview = page.locator('.code-preview')
      await preview.getByText(/^The free retake of 070-622, after the attempt of /).waitFor()
      expect(await preview.getByText('It gives up').count()).toBe(0)
      expect(await page.getByRole('checkbox').count()).toBe(0)
      await page.getByText('Nothing to pay: the code covers the price.').waitFor()
      expect(await bookButton(page).isDisabled()).toBe(false)
      expect(await bookedOn(portal(), retake.id)).toBe(0)
      await expectAccessible(page)
      await screenshot(page, 'book-free-retake', viewport)

      await bookButton(page).click()
      await page.getByRole('status').filter({ hasText: 'Booked.' }).waitFor()
      expect(await bookedOn(portal(), retake.id)).toBe(1)
      expect(await retakeUse(portal(), secondShot)).toEqual(['free-retake'])
    },
  )

  it.each(viewports)(
    'on a %s, a second registration for a beta is refused in words on the exam’s page and at booking, with a link to the first',
    async (viewport) => {
      const { items } = await asStaff<{ items: Slot[] }>(
        portal(),
        'GET',
        `/v1/slots?exam=071-621&near=${SYDNEY}&limit=50`,
      )
      const changeable = items.filter((slot) => slot.deadlinesPassed.length === 0)
      const first = await asStaff<{ id: string }>(portal(), 'POST', '/v1/registrations', {
        candidateId: 'cand-chloe',
        exam: '071-621',
        slotId: changeable[0]!.id,
        payment: { method: 'card' },
      })
      const again = changeable[1]!
      const page = await portal().open({ viewport })
      await signIn(page, portal().db, DEMO_SIGN_IN.candidate)

      // Said on the exam's page, before any seat is chosen.
      await page.goto('/exams/071-621')
      const now = page.getByRole('region', { name: 'May I take it now?' })
      await now
        .getByText(
          'You have registered for this beta exam already: one registration per beta exam.',
        )
        .waitFor()
      expect(await page.getByRole('link', { name: /^Find a seat/ }).count()).toBe(0)
      const beta = page.getByRole('region', { name: 'Beta exam' })
      const yours = beta.getByRole('link', { name: 'your booking' })
      await yours.waitFor()
      expect(await yours.getAttribute('href')).toBe(`/registrations/${first.id}`)
      await expectAccessible(page)
      await screenshot(page, 'exam-beta-registered', viewport)

      // And again at booking, should a seat's address be opened all the same.
      await page.goto(`/book?exam=071-621&slot=${again.id}`)
      const refusal = page.getByRole('alert').filter({ hasText: 'cannot be booked for you' })
      await refusal
        .getByText(
          'You have registered for this beta exam already: one registration per beta exam.',
        )
        .waitFor()
      const link = refusal.getByRole('link', {
        name: 'See the booking you already hold for this beta exam',
      })
      await link.waitFor()
      expect(await bookButton(page).isDisabled()).toBe(true)
      await expectAccessible(page)
      await screenshot(page, 'book-beta-registered', viewport)
      expect(await bookedOn(portal(), again.id)).toBe(0)

      await link.click()
      await page.waitForURL(`**/registrations/${first.id}`)
      await page.getByRole('heading', { level: 1, name: /^071-621 / }).waitFor()
    },
  )

  it.each(viewports)(
    'on a %s, a change after the provider’s deadline is refused naming the rule, and the page reopened says so before any button',
    async (viewport) => {
      await sydneySlots(portal())
      const slot = await slotAfter(portal(), '070-622', ENROLMENT_DAY)
      const booked = await asStaff<{ id: string }>(portal(), 'POST', '/v1/registrations', {
        candidateId: 'cand-chloe',
        exam: '070-622',
        slotId: slot.id,
        payment: { method: 'card' },
      })
      // Ten minutes before the deadline, a day before the exam, the candidate opens the booking.
      const deadline = Date.parse(slot.startsAt) - 24 * HOUR_MS
      portal().clock.set(instant(new Date(deadline - 10 * MINUTE_MS).toISOString()))
      const page = await portal().open({ viewport })
      await signIn(page, portal().db, DEMO_SIGN_IN.candidate, `/registrations/${booked.id}`)
      const change = page.getByRole('region', { name: 'Change or cancel' })
      await change.getByText(/^You can cancel it until /).waitFor()
      expect(await change.textContent()).toContain(
        'Prometric: changes up to 24 hours before the appointment.',
      )

      // The page stays open while the deadline passes; the button is pressed ten minutes after it.
      portal().clock.set(instant(new Date(deadline + 10 * MINUTE_MS).toISOString()))
      await page.getByRole('button', { name: 'Cancel this booking' }).click()
      const dialog = page.getByRole('alertdialog')
      await dialog.getByRole('button', { name: 'Yes, cancel it' }).click()
      await dialog
        .getByRole('alert')
        .getByText(
          'Prometric accepts a cancellation up to 24 hours before the appointment. That deadline has passed, so nothing was changed.',
        )
        .waitFor()
      await expectAccessible(page)
      await screenshot(page, 'registration-cancel-refused', viewport)
      const kept = await asStaff<{ registration: { status: string; paymentStatus: string } }>(
        portal(),
        'GET',
        `/v1/registrations/${booked.id}`,
      )
      expect(kept.registration).toMatchObject({ status: 'booked', paymentStatus: 'paid' })

      // Opened afresh, the page says so and names the rule, and offers no change at all.
      const reopened = await portal().open({ viewport })
      await signIn(reopened, portal().db, DEMO_SIGN_IN.candidate, `/registrations/${booked.id}`)
      const section = reopened.getByRole('region', { name: 'Change or cancel' })
      await section
        .getByText(
          'The deadlines to change this booking have passed: Prometric no longer lets it be moved or cancelled.',
        )
        .waitFor()
      expect(await section.textContent()).toContain(
        'Prometric: changes up to 24 hours before the appointment.',
      )
      expect(await section.getByRole('button').count()).toBe(0)
      expect(await section.getByRole('link').count()).toBe(0)
      await expectAccessible(reopened)
      await screenshot(reopened, 'registration-deadlines-passed', viewport)

      await reopened.getByRole('combobox', { name: 'Language' }).selectOption('de')
      await reopened
        .getByRole('region', { name: 'Umbuchen oder stornieren' })
        .getByText('Prometric: Änderungen bis 24 Stunden vor dem Termin.')
        .waitFor()
    },
  )
})
