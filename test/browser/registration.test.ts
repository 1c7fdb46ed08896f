import { describe, expect, it } from 'vitest'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { instant } from '../api/api-harness.js'
import { child, instantOf, property, readCalendar } from '../support/read-calendar.js'
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

const SYDNEY = '-33.87,151.21'
/** Second Shot 2026 takes enrolments from 1 September 2026. */
const ENROLMENT_DAY = instant('2026-09-10T12:00:00Z')

interface Slot {
  id: string
  deadlinesPassed: string[]
}

/**
 * Chloe's booking of 070-622 near Sydney, made by support on enrolment day and
 * left unpaid: a hold with an amount due (or paid by card at once, when
 * asked). The centre's slots for the weeks after are generated first, as an
 * admin would.
 */
async function unpaidBooking(portal: Portal, paid = false): Promise<string> {
  portal.clock.set(ENROLMENT_DAY)
  await asStaff(portal, 'POST', '/v1/centres/syd-prometric/slots/generate', {
    from: '2026-09-14',
    to: '2026-10-10',
    every: '2h',
    daily: '09:00-17:00',
    days: 'mon-fri',
  })
  const slots = await asStaff<{ items: Slot[] }>(
    portal,
    'GET',
    `/v1/slots?exam=070-622&near=${SYDNEY}&limit=50`,
  )
  const slot = slots.items.find((candidate) => candidate.deadlinesPassed.length === 0)
  if (slot === undefined) throw new Error('no changeable slot near Sydney')
  const booked = await asStaff<{ id: string }>(portal, 'POST', '/v1/registrations', {
    candidateId: 'cand-chloe',
    exam: '070-622',
    slotId: slot.id,
    ...(paid ? { payment: { method: 'card' } } : {}),
  })
  return booked.id
}

describe.skipIf(!chromiumAvailable)('a booking’s page, in Chromium', () => {
  const portal = usePortal()

  it('home lists the booking with its deadlines and what is due; its page takes a code after showing what it does, then payment', async () => {
    const registrationId = await unpaidBooking(portal())
    const { code } = await asStaff<{ code: string }>(
      portal(),
      'POST',
      '/v1/offers/second-shot/enrolments',
      { candidateId: 'cand-chloe' },
    )
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.candidate)

    const card = page.getByRole('article').filter({ hasText: '070-622' })
    expect(await card.textContent()).toMatch(/Reschedule until .*; cancel until /)
    expect(await card.textContent()).toMatch(/To pay.*or the seat is released/)
    await expectAccessible(page)
    await screenshot(page, 'home-with-booking', 'desktop')

    await card.getByRole('link').click()
    await page.waitForURL(`**/registrations/${registrationId}`)
    await page.getByRole('heading', { level: 1, name: /070-622/ }).waitFor()
    expect(await page.getByText('Payment due').count()).toBe(1)
    // Not confirmed while payment is due: no calendar file yet.
    expect(await page.getByRole('link', { name: /calendar/ }).count()).toBe(0)

    await page.getByLabel('Voucher or promotion code').fill(code)
    await page.getByRole('button', { name: 'See what this code does' }).click()
    const preview = page.locator('.code-preview')
    await preview.waitFor()
    expect(await preview.textContent()).toContain('It does')
    await expectAccessible(page)
    await screenshot(page, 'registration-code-preview', 'desktop')
    await page.getByRole('button', { name: 'Use this code' }).click()
    await page.getByText('Second Shot', { exact: false }).first().waitFor()

    const pay = page.getByRole('button', { name: /by card$/ })
    if ((await pay.count()) > 0) {
      await pay.click()
      await page.getByText('Booked · Paid').waitFor()
    }
    const registration = await asStaff<{
      registration: {
        paymentStatus: string
        startsAt: string
        price: { lines: { code: string }[] }
      }
    }>(portal(), 'GET', `/v1/registrations/${registrationId}`)
    expect(registration.registration.price.lines.map((line) => line.code)).toEqual([code])
    expect(['paid', 'not-required']).toContain(registration.registration.paymentStatus)
    await screenshot(page, 'registration', 'desktop')

    // Confirmed now: the calendar file its mail attaches, fetched as the browser would.
    const href = await page
      .getByRole('link', { name: 'Add to calendar (.ics)' })
      .getAttribute('href')
    const file = await page.request.get(href!)
    expect(file.headers()['content-type']).toBe('text/calendar; charset=utf-8')
    const calendar = readCalendar(await file.text())
    const event = child(calendar, 'VEVENT')
    expect(property(calendar, 'METHOD').value).toBe('REQUEST')
    expect(property(event, 'DTSTART').params.TZID).toBe('Australia/Sydney')
    expect(instantOf(calendar, property(event, 'DTSTART'))).toBe(
      Date.parse(registration.registration.startsAt),
    )
    expect(property(event, 'SUMMARY').value).toContain('070-622')
  })

  it('cancelling asks first, says the deadline before the button, and the booking leaves home', async () => {
    await unpaidBooking(portal())
    const page = await portal().open({ viewport: 'phone' })
    await signIn(page, portal().db, DEMO_SIGN_IN.candidate)
    await page.getByRole('article').filter({ hasText: '070-622' }).getByRole('link').click()
    await page.getByText(/You can cancel it until /).waitFor()
    await screenshot(page, 'registration', 'phone')
    await page.getByRole('button', { name: 'Cancel this booking' }).click()
    const dialog = page.getByRole('alertdialog')
    await dialog.waitFor()
    await expectAccessible(page)
    await dialog.getByRole('button', { name: 'Yes, cancel it' }).click()
    await page.getByText('This booking is cancelled.').waitFor()
    // Never confirmed, so never in a calendar: no file to remove it.
    expect(await page.getByRole('link', { name: /calendar/ }).count()).toBe(0)
    await page.getByRole('link', { name: 'Home' }).click()
    await page.getByText('No appointments ahead.').waitFor()
  })

  it.each(viewports)(
    'on a %s, a paid booking offers its calendar file, and once cancelled the file that removes it',
    async (viewport) => {
      const registrationId = await unpaidBooking(portal(), true)
      const page = await portal().open({ viewport })
      await signIn(page, portal().db, DEMO_SIGN_IN.candidate, `/registrations/${registrationId}`)
      await page.getByText('Booked · Paid').waitFor()
      await page.getByRole('link', { name: 'Add to calendar (.ics)' }).waitFor()
      await expectAccessible(page)
      await screenshot(page, 'registration-paid', viewport)

      await page.getByRole('button', { name: 'Cancel this booking' }).click()
      await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, cancel it' }).click()
      await page.getByText('This booking is cancelled.').waitFor()
      const remove = page.getByRole('link', { name: 'Remove from calendar (.ics)' })
      expect(await page.getByRole('link', { name: 'Add to calendar (.ics)' }).count()).toBe(0)
      expect(await remove.locator('..').textContent()).toContain('it removes the event')
      const file = await page.request.get((await remove.getAttribute('href'))!)
      const calendar = readCalendar(await file.text())
      expect(property(calendar, 'METHOD').value).toBe('CANCEL')
      expect(property(child(calendar, 'VEVENT'), 'STATUS').value).toBe('CANCELLED')
      await expectAccessible(page)
      await screenshot(page, 'registration-cancelled', viewport)
    },
  )

  it('another candidate’s booking answers like a missing one', async () => {
    const slots = await asStaff<{ items: Slot[] }>(
      portal(),
      'GET',
      '/v1/slots?exam=70-620&near=-36.85,174.76&limit=50',
    )
    const other = await asStaff<{ id: string }>(portal(), 'POST', '/v1/registrations', {
      candidateId: 'cand-kenji',
      exam: '70-620',
      slotId: slots.items.find((slot) => slot.deadlinesPassed.length === 0)!.id,
      payment: { method: 'card' },
    })
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.candidate, `/registrations/${other.id}`)
    await page.getByText('There is no such booking on your account.').waitFor()
    await page.goto('/registrations/reg-made-up')
    await page.getByText('There is no such booking on your account.').waitFor()
  })
})
