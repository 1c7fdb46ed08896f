import { describe, expect, it } from 'vitest'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { enrolmentDay } from './enrolment-day.js'
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

async function liveRegistrations(portal: Portal): Promise<number> {
  const rows = await portal.db
    .selectFrom('registrations')
    .select('id')
    .where('candidate_id', '=', 'cand-chloe')
    .where('status', '!=', 'cancelled')
    .execute()
  return rows.length
}

const viewports = Object.keys(VIEWPORTS) as ViewportName[]

describe.skipIf(!chromiumAvailable)('booking a seat, in Chromium', () => {
  const portal = usePortal()

  it.each(viewports)(
    'on a %s, the code field is in sight from the start, its preview comes before the booking, and the booking page confirms what the mail says',
    async (viewport) => {
      const { code, slots } = await enrolmentDay(portal())
      const slot = slots.find((candidate) => candidate.deadlinesPassed.length === 0)!
      const page = await portal().open({ viewport })
      await signIn(page, portal().db, DEMO_SIGN_IN.candidate, `/book?exam=070-622&slot=${slot.id}`)
      const field = page.getByLabel('Voucher or promotion code')
      await field.waitFor()
      expect(await field.isVisible()).toBe(true)
      expect(
        await page.getByText(/If booked now: reschedule until .*; cancel until /).count(),
      ).toBe(1)
      await expectAccessible(page)
      await screenshot(page, 'book', viewport)

      await field.fill(code)
      // Booking waits for the code's preview: the button is held until it is seen.
      expect(await page.getByRole('button', { name: 'Book this seat' }).isDisabled()).toBe(true)
      await page.getByRole('button', { name: 'See what this code does' }).click()
      await page.locator('.code-preview').getByText('It keeps').waitFor()
      await expectAccessible(page)
      await screenshot(page, 'book-code-preview', viewport)

      await page.getByRole('button', { name: 'Book this seat' }).click()
      await page.getByRole('status').filter({ hasText: 'Booked.' }).waitFor()
      expect(new URL(page.url()).pathname).toMatch(/^\/registrations\//)
      expect(await page.getByText(code).count()).toBeGreaterThan(0)
      await expectAccessible(page)
      await screenshot(page, 'booked', viewport)

      // The page, the mail and its calendar file name the same place and the same time.
      const { id } = await portal()
        .db.selectFrom('outbox')
        .select('id')
        .where('recipient', '=', DEMO_SIGN_IN.candidate)
        .where('kind', '=', 'registration-confirmed')
        .executeTakeFirstOrThrow()
      const mail = await asStaff<{
        bodyText: string
        attachments: { contentType: string; content: string }[]
      }>(portal(), 'GET', `/v1/admin/mail/${id}`)
      const calendar = mail.attachments.find((file) => file.contentType.startsWith('text/calendar'))
      expect(await page.getByText('Prometric Sydney Wynyard').count()).toBeGreaterThan(0)
      expect(mail.bodyText).toContain('Prometric Sydney Wynyard')
      const local = slot.localStart.slice(0, 16).replace(/[-:]/g, '')
      expect(calendar?.content).toContain(`DTSTART;TZID=Australia/Sydney:${local}`)
      const onCentreClock = await page.locator('time').first().textContent()
      expect(onCentreClock).toContain(slot.localStart.slice(11, 16))
      expect(onCentreClock).toMatch(/Australian Eastern (Standard|Daylight) Time/)
      expect(await liveRegistrations(portal())).toBe(1)
    },
  )

  it('a candidate who already holds a booking for the exam is told on its page and before booking another, with the way to it', async () => {
    const { slots } = await enrolmentDay(portal())
    const [held, other] = slots.filter((candidate) => candidate.deadlinesPassed.length === 0)
    const booked = await asStaff<{ id: string }>(portal(), 'POST', '/v1/registrations', {
      candidateId: 'cand-chloe',
      exam: '070-622',
      slotId: held!.id,
    })
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.candidate, '/exams/070-622')
    const onExamPage = page.locator('.held-booking')
    await onExamPage.waitFor()
    expect(await onExamPage.textContent()).toContain('You already have a booking for 070-622')
    expect(await onExamPage.textContent()).toContain('Prometric Sydney Wynyard')

    await page.goto(`/book?exam=70-622&slot=${other!.id}`)
    const onBookPage = page.locator('.held-booking')
    await onBookPage.waitFor()
    expect(await onBookPage.textContent()).toContain('A second one cannot be made')
    await expectAccessible(page)
    await onBookPage.getByRole('link', { name: 'See your booking' }).click()
    await page.waitForURL(`**/registrations/${booked.id}`)
    expect(await liveRegistrations(portal())).toBe(1)
  })

  it('a booking page for an exam the candidate holds no booking for says nothing of one', async () => {
    const { slots } = await enrolmentDay(portal())
    const slot = slots.find((candidate) => candidate.deadlinesPassed.length === 0)!
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.candidate, `/book?exam=070-622&slot=${slot.id}`)
    await page.getByRole('button', { name: 'Book this seat' }).waitFor()
    // The registrations are asked beside the rest: once the home page's list is in, nothing is said.
    await page.waitForLoadState('networkidle')
    expect(await page.locator('.held-booking').count()).toBe(0)
  })

  it('a double click books once', async () => {
    const { slots } = await enrolmentDay(portal())
    const slot = slots.find((candidate) => candidate.deadlinesPassed.length === 0)!
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.candidate, `/book?exam=070-622&slot=${slot.id}`)
    await page.getByRole('button', { name: 'Book this seat' }).dblclick()
    await page.getByRole('status').filter({ hasText: 'Booked.' }).waitFor()
    expect(await liveRegistrations(portal())).toBe(1)
  })

  it('a second press after an answer lost on the way, even after a reload, books once', async () => {
    const { slots } = await enrolmentDay(portal())
    const slot = slots.find((candidate) => candidate.deadlinesPassed.length === 0)!
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.candidate)
    // The first booking request reaches the server, which books; its answer never reaches the page.
    let lost = false
    await page.route('**/v1/registrations', async (route) => {
      if (lost) return route.continue()
      lost = true
      await route.fetch()
      await route.abort('connectionreset')
    })
    await page.goto(`/book?exam=070-622&slot=${slot.id}`)
    await page.getByRole('button', { name: 'Book this seat' }).click()
    await page.getByRole('alert').waitFor()
    expect(await liveRegistrations(portal())).toBe(1)

    // A reload keeps the key: pressing again answers the booking already made.
    await page.reload()
    await page.getByRole('button', { name: 'Book this seat' }).click()
    await page.getByRole('status').filter({ hasText: 'Booked.' }).waitFor()
    expect(await liveRegistrations(portal())).toBe(1)
  })

  it('a seat whose change deadlines have passed says so and asks before it is booked', async () => {
    const { slots } = await enrolmentDay(portal())
    const soon = slots.find((candidate) => candidate.deadlinesPassed.length > 0)
    expect(soon, 'a slot within the change window').toBeDefined()
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.candidate, `/book?exam=070-622&slot=${soon!.id}`)
    await page.getByText(/This seat is soon/).waitFor()
    const book = page.getByRole('button', { name: 'Book this seat' })
    expect(await book.isDisabled()).toBe(true)
    await page.getByText('I understand this booking cannot be changed, and want it').click()
    expect(await book.isDisabled()).toBe(false)
    await expectAccessible(page)
    await screenshot(page, 'book-deadlines-passed', 'desktop')
    await book.click()
    await page.getByRole('status').filter({ hasText: 'Booked.' }).waitFor()
  })
})
