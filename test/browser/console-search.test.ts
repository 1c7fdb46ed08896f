import type { Page } from 'playwright-core'
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

const viewports = Object.keys(VIEWPORTS) as ViewportName[]

/** The keys a caller reads out: a name without its accents, an email, an id, a booking's id, a code. */
async function keysOfCallers(portal: Portal) {
  const { code, slots } = await enrolmentDay(portal)
  const zoe = await asStaff<{ id: string }>(portal, 'POST', '/v1/candidates', {
    firstName: 'Zoë',
    lastName: 'Lefèvre',
    email: 'zoe.lefevre@example.fr',
    country: 'FR',
    timeZone: 'Europe/Paris',
  })
  const booked = await asStaff<{ id: string }>(portal, 'POST', '/v1/registrations', {
    candidateId: 'cand-chloe',
    exam: '070-622',
    slotId: slots.find((slot) => slot.deadlinesPassed.length === 0)!.id,
  })
  return { zoe, registrationId: booked.id, code }
}

/** Types `words` in the box and waits for the list found for them. */
async function search(page: Page, words: string) {
  await page.getByLabel(/^Candidate id, email, name/).fill(words)
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await page.getByRole('heading', { level: 2, name: `Candidates found for “${words}”` }).waitFor()
  await page.locator('section[aria-labelledby="console-found"][aria-busy="false"]').waitFor()
}

/** The rows found: each one's name and why it was found. */
async function rowsFound(page: Page): Promise<string[]> {
  const rows = page.getByRole('table').getByRole('row')
  return (await rows.allInnerTexts()).slice(1).map((row) => row.replace(/\s+/g, ' ').trim())
}

describe.skipIf(!chromiumAvailable)('support’s search box, in Chromium', () => {
  const portal = usePortal()

  it.each(viewports)('finds a caller by whatever they read out (%s)', async (viewport) => {
    const { zoe, registrationId, code } = await keysOfCallers(portal())
    const page = await portal().open({ viewport })
    await signIn(page, portal().db, DEMO_SIGN_IN.support)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hello, Rosa Delgado')

    // Part of each name, without the accents, in another case and order.
    await search(page, 'LEFE zoe')
    expect(await rowsFound(page)).toEqual([`Zoë Lefèvre ${zoe.id} zoe.lefevre@example.fr FR name`])
    const link = page.getByRole('table').getByRole('link', { name: 'Zoë Lefèvre' })
    expect(await link.getAttribute('href')).toBe(`/console/candidates/${zoe.id}`)
    await expectAccessible(page)
    await screenshot(page, 'console-search', viewport)

    await search(page, 'ZOE.LEFEVRE@example.fr')
    expect(await rowsFound(page)).toEqual([`Zoë Lefèvre ${zoe.id} zoe.lefevre@example.fr FR email`])

    await search(page, zoe.id)
    expect((await rowsFound(page))[0]).toMatch(/candidate id$/)

    // A registration id and a code as a caller reads them out: lower case, in groups with spaces.
    await search(page, registrationId.toLowerCase().replaceAll('-', ' '))
    expect(await rowsFound(page)).toEqual([
      expect.stringMatching(/^Chloe Nguyen cand-chloe .* a registration of theirs$/),
    ])
    await search(page, code.toLowerCase().replaceAll('-', ' '))
    expect(await rowsFound(page)).toEqual([
      expect.stringMatching(/^Chloe Nguyen cand-chloe .* a code issued to them$/),
    ])

    // The back button brings the previous search, and its words, back.
    await page.goBack()
    const spoken = registrationId.toLowerCase().replaceAll('-', ' ')
    await page
      .getByRole('heading', { level: 2, name: `Candidates found for “${spoken}”` })
      .waitFor()
    expect(await page.getByLabel(/^Candidate id, email, name/).inputValue()).toBe(spoken)
  })

  it('says plainly when nobody matches', async () => {
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.support)
    await search(page, 'nobody-by-this-name')
    expect(await page.getByText('No candidate matches “nobody-by-this-name”.').count()).toBe(1)
    expect(await page.getByRole('table').count()).toBe(0)
  })
})
