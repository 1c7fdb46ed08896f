import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
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
 * The demo's own slots, three weeks of them from the tests' "now" (Monday
 * 15 June 2026, 22:00 in Sydney, where Chloe lives): 070-622 is delivered by
 * both providers, who have two centres each in Auckland and in Sydney.
 */
const viewports = Object.keys(VIEWPORTS) as ViewportName[]
const AUCKLAND = { latitude: -36.85, longitude: 174.76 }

const entry = (page: Page, centre: string) => page.getByRole('article', { name: centre })

/** The first free time of the centre whose change deadlines are all still ahead. */
const changeableTime = (centre: Locator) =>
  centre
    .getByRole('listitem')
    .filter({ hasText: /A booking could be rescheduled until .* and cancelled until / })
    .first()

/** What the browser refused under the page's Content-Security-Policy, as its console says it. */
const refusedByPolicy = new WeakMap<Page, string[]>()

async function openSeats(portal: Portal, viewport: ViewportName, address: string): Promise<Page> {
  const page = await portal.open({ viewport })
  const refused: string[] = []
  refusedByPolicy.set(page, refused)
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refused.push(message.text())
  })
  await signIn(page, portal.db, DEMO_SIGN_IN.candidate, address)
  return page
}

/** Whether `target` has the focus (the test's files have no DOM types: the page's document is reached through it). */
function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate(
    (element: { ownerDocument: { activeElement: unknown } }) =>
      element === element.ownerDocument.activeElement,
  )
}

/** Presses Tab until `target` has the focus, as a keyboard reader would; fails after 60 presses. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  const visited: string[] = []
  for (let presses = 0; presses < 60; presses++) {
    if (await isFocused(target)) return
    await page.keyboard.press('Tab')
    visited.push(await page.evaluate<string>('document.activeElement.outerHTML.slice(0, 80)'))
  }
  throw new Error(`Tab never reached ${target}, but went to: ${visited.join('\n')}`)
}

function searchOf(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams
}

describe.skipIf(!chromiumAvailable)('finding a seat, in Chromium', () => {
  const portal = usePortal()

  it.each(viewports)(
    'on a %s, a typed place lists centres of both providers nearest first, each time saying until when it could change; the map shows them; a time chosen is booked',
    async (viewport) => {
      const page = await openSeats(portal(), viewport, '/seats?exam=070-622')
      await page.getByRole('heading', { level: 1, name: /^Find a seat for 070-622 / }).waitFor()
      // Chloe's record says Sydney: the search starts there.
      await entry(page, 'Prometric Sydney Wynyard').waitFor()
      const near = page.getByRole('combobox', { name: 'Near' })
      expect(await near.inputValue()).toBe('Sydney')
      await expectAccessible(page)

      await near.fill('Auck')
      await page.getByRole('option', { name: 'Auckland, New Zealand' }).click()
      await page.getByRole('button', { name: 'Search', exact: true }).click()
      await page.waitForURL(/place=Auckland/)
      expect(searchOf(page).get('near')).toMatch(/^-36\.8\d*,174\.7\d*$/)
      expect(searchOf(page).get('from')).toBe('2026-06-15')
      expect(searchOf(page).get('to')).toBe('2026-07-15')

      const prometric = entry(page, 'Prometric Auckland Grafton')
      const pearson = entry(page, 'Pearson VUE Auckland CBD')
      await prometric.waitFor()
      // Every demo centre has a free seat for it; the nearest five are listed first.
      await page
        .getByText(
          '14 centres have a free seat from 15 June 2026 to 15 July 2026, nearest to Auckland first. The nearest 5 are shown.',
        )
        .waitFor()
      const centres = await page.locator('.centre-name').allTextContents()
      // Nearest first: both Auckland centres, then Wellington's, then Sydney's.
      expect(centres.slice(0, 2).sort()).toEqual([
        'Pearson VUE Auckland CBD',
        'Prometric Auckland Grafton',
      ])
      expect(centres[2]).toBe('Pearson VUE Wellington')
      expect(await pearson.textContent()).toContain('Pearson VUE')
      expect(await prometric.textContent()).toMatch(
        /Prometric.*Auckland, New Zealand.*\d\.\d km away/,
      )
      expect(await prometric.textContent()).toMatch(
        /\d+ times with a free seat in these days, \d+ seats left/,
      )

      // Each time says until when a booking on it could change, before it is chosen; too soon, plainly.
      const first = prometric.getByRole('listitem').first()
      expect(await first.textContent()).toContain(
        'Too soon to change: a booking at this time could no longer be rescheduled or cancelled.',
      )
      expect(await first.textContent()).toMatch(/New Zealand Standard Time.*\(your time: /)
      expect(await pearson.textContent()).toContain(
        'Too soon to cancel: a booking at this time could no longer be cancelled, but could be rescheduled until',
      )
      const changeable = changeableTime(prometric)
      const time = changeable.getByRole('link')
      const deadlines = await changeable.locator('.deadlines').textContent()
      expect(deadlines).toMatch(
        /^\d+ seats left · A booking could be rescheduled until .*\d\d:\d\d GMT\+12 and cancelled until .*GMT\+12\.$/,
      )
      await expectAccessible(page)
      await screenshot(page, 'seats-results', viewport)

      // The map, asked for: a marker per centre listed, one of which leads to its entry in the list.
      expect(await page.locator('.leaflet-container').count()).toBe(0)
      await page.getByRole('button', { name: 'Show map' }).click()
      const map = page.getByRole('region', { name: 'Map of the centres listed' })
      await map.waitFor()
      expect(searchOf(page).get('map')).toBe('1')
      const markers = map.locator('path.leaflet-interactive')
      await markers.first().waitFor()
      expect(await markers.count()).toBe(await page.locator('.centre-entry').count())
      expect(await page.getByRole('button', { name: 'Show map', pressed: true }).count()).toBe(1)
      await expectAccessible(page)
      await screenshot(page, 'seats-map', viewport)
      // Wellington's marker stands alone: the third centre of the list.
      await markers.nth(2).click({ force: true })
      await map.locator('.leaflet-popup').getByText('Pearson VUE Wellington').waitFor()
      expect(await isFocused(entry(page, 'Pearson VUE Wellington'))).toBe(true)

      // More centres, on asking: the first one added takes the focus.
      await page.getByRole('button', { name: 'Show more centres (9 more)' }).click()
      await page.getByText(/The nearest 10 are shown\./).waitFor()
      expect(await isFocused(page.locator('.centre-entry').nth(5))).toBe(true)
      expect(await markers.count()).toBe(10)

      // A reload shows the same search, map and all.
      await page.reload()
      await map.waitFor()
      await prometric.waitFor()

      const href = await time.getAttribute('href')
      expect(href).toMatch(/^\/book\?exam=070-622&slot=slot-akl-prometric-/)
      await time.click()
      await page.waitForURL('**/book?**')
      expect(searchOf(page).get('slot')).toBe(new URLSearchParams(href!.split('?')[1]).get('slot'))
      await page.getByText('Prometric Auckland Grafton', { exact: false }).first().waitFor()
      await page.getByRole('button', { name: 'Book this seat' }).click()
      await page.getByRole('status').filter({ hasText: 'Booked.' }).waitFor()
      expect(new URL(page.url()).pathname).toMatch(/^\/registrations\//)
      // The map, its styles and its outlines all came from this server: nothing was refused.
      expect(refusedByPolicy.get(page)).toEqual([])
    },
    // The longest journey of the suite (search, map, more centres, a reload, a booking): room for a busy machine.
    60_000,
  )

  it.each(viewports)('on a %s, the keyboard alone finds a seat and books it', async (viewport) => {
    const page = await openSeats(portal(), viewport, '/seats?exam=070-622')
    await entry(page, 'Prometric Sydney Wynyard').waitFor()
    const near = page.getByRole('combobox', { name: 'Near' })
    await tabTo(page, near)
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('Auckla')
    await page.getByRole('option', { name: 'Auckland, New Zealand' }).waitFor()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    expect(await near.inputValue()).toBe('Auckland, New Zealand')
    await tabTo(page, page.getByRole('button', { name: 'Search', exact: true }))
    await page.keyboard.press('Enter')
    await page.waitForURL(/place=Auckland/)

    const time = changeableTime(entry(page, 'Prometric Auckland Grafton')).getByRole('link')
    await time.waitFor()
    await tabTo(page, time)
    await page.keyboard.press('Enter')
    await page.waitForURL('**/book?**')
    const book = page.getByRole('button', { name: 'Book this seat' })
    await book.waitFor()
    await tabTo(page, book)
    await page.keyboard.press('Enter')
    await page.getByRole('status').filter({ hasText: 'Booked.' }).waitFor()
    await expectAccessible(page)
  })

  it.each(viewports)(
    'on a %s, "Use my location" searches near the browser’s position when it is shared, and says so when it is not',
    async (viewport) => {
      const page = await openSeats(portal(), viewport, '/seats?exam=070-622')
      await entry(page, 'Prometric Sydney Wynyard').waitFor()
      const context = page.context()

      // Refused: the search stays where it was, and the page says what to do instead.
      await context.clearPermissions()
      await page.getByRole('button', { name: 'Use my location' }).click()
      const refused = page.getByRole('alert').filter({ hasText: 'did not share your location' })
      await refused.waitFor()
      expect(await refused.textContent()).toBe(
        'Your browser did not share your location. Type a place instead, or allow it in the browser’s settings and press the button again.',
      )
      expect(await page.getByRole('combobox', { name: 'Near' }).inputValue()).toBe('Sydney')
      await expectAccessible(page)
      await screenshot(page, 'seats-location-refused', viewport)

      // Shared: the search is near that position, nearest first.
      await context.grantPermissions(['geolocation'])
      await context.setGeolocation(AUCKLAND)
      await page.getByRole('button', { name: 'Use my location' }).click()
      await page.waitForURL(/near=-36\.85%2C174\.76|near=-36\.85,174\.76/)
      expect(searchOf(page).get('place')).toBeNull()
      await page.getByText(/nearest to -36\.85,174\.76 first/).waitFor()
      const centres = await page.locator('.centre-name').allTextContents()
      expect(centres.slice(0, 2).sort()).toEqual([
        'Pearson VUE Auckland CBD',
        'Prometric Auckland Grafton',
      ])
      expect(await refused.count()).toBe(0)
      await expectAccessible(page)
    },
  )

  it.each(viewports)(
    'on a %s, rescheduling finds the new time here and carries the booking to the booking page',
    async (viewport) => {
      const registrationId = await bookedInSydney(portal())
      const page = await openSeats(portal(), viewport, `/registrations/${registrationId}`)
      await page.getByRole('link', { name: 'Choose another time' }).click()
      await page.waitForURL(`**/seats?exam=070-622&reschedule=${registrationId}`)
      await page.getByRole('heading', { level: 1, name: /^A new time for 070-622 / }).waitFor()
      await page
        .getByText(/^You are moving your booking of .* at Prometric Sydney Wynyard\./)
        .waitFor()
      const sydney = entry(page, 'Prometric Sydney Wynyard')
      await sydney.getByText('(your booking now)').waitFor()
      expect(searchOf(page).get('reschedule')).toBe(registrationId)
      await expectAccessible(page)
      await screenshot(page, 'seats-reschedule', viewport)

      const time = changeableTime(entry(page, 'Prometric Auckland Grafton')).getByRole('link')
      expect(await time.getAttribute('href')).toMatch(
        new RegExp(
          `^/book\\?exam=070-622&slot=slot-akl-prometric-[^&]+&reschedule=${registrationId}$`,
        ),
      )
      await time.click()
      await page.waitForURL('**/book?**')
      expect(searchOf(page).get('reschedule')).toBe(registrationId)
      // Choosing another time from there still moves the same booking.
      expect(
        await page.getByRole('link', { name: 'Choose another seat' }).getAttribute('href'),
      ).toBe(`/seats?exam=070-622&reschedule=${registrationId}`)
      await page.getByRole('button', { name: 'Move my booking here' }).click()
      await page.waitForURL(`**/registrations/${registrationId}?rescheduled=1`)
    },
  )

  it.each(viewports)(
    'on a %s, from home without an exam it asks which, and days without a free seat say so and what to widen',
    async (viewport) => {
      const page = await openSeats(portal(), viewport, '/')
      await page.getByRole('link', { name: 'Find a seat for an exam' }).click()
      await page.waitForURL('**/seats')
      await page.getByRole('heading', { level: 1, name: 'Find a seat' }).waitFor()
      // The browser's position, before the exam is named, waits in the place's field.
      await page.context().grantPermissions(['geolocation'])
      await page.context().setGeolocation(AUCKLAND)
      await page.getByRole('button', { name: 'Use my location' }).click()
      const near = page.getByRole('combobox', { name: 'Near' })
      await expect.poll(() => near.inputValue()).toBe('-36.85,174.76')
      expect(new URL(page.url()).search).toBe('')
      await page.getByRole('textbox', { name: 'Exam number' }).fill('70-622')
      // Past the demo's three weeks of slots.
      await page.getByRole('textbox', { name: 'From' }).fill('2026-07-20')
      await page.getByRole('textbox', { name: 'To (included)' }).fill('2026-07-31')
      await page.getByRole('combobox', { name: 'Distance' }).selectOption({ label: 'Within 50 km' })
      await page.getByRole('button', { name: 'Search', exact: true }).click()
      await page.waitForURL(/exam=070-622/)
      expect(searchOf(page).get('radius')).toBe('50')
      await page
        .getByText(
          'No centre within 50 km of -36.85,174.76 has a free seat for 070-622 from 20 July 2026 to 31 July 2026.',
        )
        .waitFor()
      await page
        .getByText(
          'Try later days, or more of them. Or look farther away: choose a greater distance.',
        )
        .waitFor()
      await expectAccessible(page)
      await screenshot(page, 'seats-none', viewport)

      // The back button shows the search before.
      await page.goBack()
      await page.getByRole('textbox', { name: 'Exam number' }).waitFor()
      expect(await near.inputValue()).toBe('Sydney')
    },
  )

  it('in German, every word of the page is German', async () => {
    const page = await openSeats(portal(), 'desktop', '/seats?exam=070-622')
    await entry(page, 'Prometric Sydney Wynyard').waitFor()
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    await page.getByRole('heading', { level: 1, name: /^Einen Platz für 070-622 / }).waitFor()
    await page.getByRole('button', { name: 'Karte zeigen' }).click()
    await page.getByRole('region', { name: 'Karte der aufgeführten Zentren' }).waitFor()
    expect(
      await page
        .getByText(/Eine Buchung könnte bis .* umgebucht und bis .* storniert werden\./)
        .count(),
    ).toBeGreaterThan(0)
    expect(await page.getByText(/km entfernt/).count()).toBeGreaterThan(0)
    await expectAccessible(page)
    await screenshot(page, 'seats-de', 'desktop')
  })
})

/** Chloe's booking of 070-622 at Prometric Sydney, made by support, at a time she could still move. */
async function bookedInSydney(portal: Portal): Promise<string> {
  const { items } = await asStaff<{
    items: { id: string; nextSlots: { id: string; deadlinesPassed: string[] }[] }[]
  }>(portal, 'GET', '/v1/exams/070-622/centres?near=-33.87,151.21&provider=prometric&limit=1')
  const slot = items[0]!.nextSlots.find((candidate) => candidate.deadlinesPassed.length === 0)
  if (slot === undefined) throw new Error('no changeable slot at Prometric Sydney')
  const booked = await asStaff<{ id: string }>(portal, 'POST', '/v1/registrations', {
    candidateId: 'cand-chloe',
    exam: '070-622',
    slotId: slot.id,
  })
  return booked.id
}
