import { describe, expect, it } from 'vitest'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { instant } from '../api/api-harness.js'
import {
  asStaff,
  chromiumAvailable,
  expectAccessible,
  type Portal,
  screenshot,
  signInByCode,
  usePortal,
} from './portal.js'

const SYDNEY = '-33.87,151.21'
/** Second Shot 2026 takes enrolments from 1 September 2026. */
const ENROLMENT_DAY = instant('2026-09-10T12:00:00Z')

interface Slot {
  id: string
  deadlinesPassed: string[]
}

/**
 * Chloe's booking of 070-622 near Sydney, made by support on enrolment day and
 * left unpaid: a hold with an amount due. The centre's slots for the weeks
 * after are generated first, as an admin would.
 */
async function unpaidBooking(portal: Portal): Promise<string> {
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
    await signInByCode(page, portal().db, DEMO_SIGN_IN.candidate)

    const card = page.getByRole('article').filter({ hasText: '070-622' })
    expect(await card.textContent()).toMatch(/Reschedule until .*; cancel until /)
    expect(await card.textContent()).toMatch(/To pay.*or the seat is released/)
    await expectAccessible(page)
    await screenshot(page, 'home-with-booking', 'desktop')

    await card.getByRole('link').click()
    await page.waitForURL(`**/registrations/${registrationId}`)
    await page.getByRole('heading', { level: 1, name: /070-622/ }).waitFor()
    expect(await page.getByText('Payment due').count()).toBe(1)

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
      registration: { paymentStatus: string; price: { lines: { code: string }[] } }
    }>(portal(), 'GET', `/v1/registrations/${registrationId}`)
    expect(registration.registration.price.lines.map((line) => line.code)).toEqual([code])
    expect(['paid', 'not-required']).toContain(registration.registration.paymentStatus)
    await screenshot(page, 'registration', 'desktop')
  })

  it('cancelling asks first, says the deadline before the button, and the booking leaves home', async () => {
    await unpaidBooking(portal())
    const page = await portal().open({ viewport: 'phone' })
    await signInByCode(page, portal().db, DEMO_SIGN_IN.candidate)
    await page.getByRole('article').filter({ hasText: '070-622' }).getByRole('link').click()
    await page.getByText(/You can cancel it until /).waitFor()
    await screenshot(page, 'registration', 'phone')
    await page.getByRole('button', { name: 'Cancel this booking' }).click()
    const dialog = page.getByRole('alertdialog')
    await dialog.waitFor()
    await expectAccessible(page)
    await dialog.getByRole('button', { name: 'Yes, cancel it' }).click()
    await page.getByText('This booking is cancelled.').waitFor()
    await page.getByRole('link', { name: 'Home' }).click()
    await page.getByText('No appointments ahead.').waitFor()
  })

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
    await signInByCode(page, portal().db, DEMO_SIGN_IN.candidate)
    await page.goto(`/registrations/${other.id}`)
    await page.getByText('There is no such booking on your account.').waitFor()
    await page.goto('/registrations/reg-made-up')
    await page.getByText('There is no such booking on your account.').waitFor()
  })
})
