import type { Page } from 'playwright-core'
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

const viewports = Object.keys(VIEWPORTS) as ViewportName[]
/** Signing in, a form, a preview, a generation and a second preview: room for it on a busy machine. */
const JOURNEY_TIMEOUT = 90_000

/** Henrik, the demo's admin, signed in on a page of this size. */
async function henrik(portal: Portal, viewport: ViewportName): Promise<Page> {
  const page = await portal.open({ viewport })
  await signIn(page, portal.db, DEMO_SIGN_IN.admin)
  return page
}

/** The text of a row of the page's table whose header cell reads `name`. */
async function rowText(page: Page, name: string | RegExp): Promise<string> {
  const row = page.getByRole('row', { name })
  return (await row.innerText()).replace(/\s+/g, ' ').trim()
}

async function makeStaffAccount(page: Page, viewport: ViewportName) {
  await page.getByRole('navigation').getByRole('link', { name: 'Staff and tokens' }).click()
  await page.getByRole('heading', { level: 1, name: 'Staff and tokens' }).waitFor()
  await page.getByRole('row', { name: /Henrik Lund/ }).waitFor()
  expect(await rowText(page, /Rosa Delgado/)).toMatch(/rosa\.delgado@examdesk\.example .*Support/)

  const staffForm = page.getByRole('form', { name: 'Make a staff account' })
  await staffForm.getByLabel('Name').fill('Maya Okafor')
  await staffForm.getByLabel('Email').fill('maya.okafor@examdesk.example')
  await staffForm.getByLabel('Role').selectOption('support')
  await staffForm.getByRole('button', { name: 'Make the account' }).click()
  await page.getByText('Maya Okafor can now sign in with maya.okafor@examdesk.example.').waitFor()
  expect(await rowText(page, /Maya Okafor/)).toMatch(
    /maya\.okafor@examdesk\.example Has not signed in yet Support/,
  )
  await expectAccessible(page)
  await screenshot(page, 'console-staff', viewport)
}

async function makeAndRevokeToken(page: Page, viewport: ViewportName) {
  await page.getByRole('navigation').getByRole('link', { name: 'Staff and tokens' }).click()
  const tokenForm = page.getByRole('form', { name: 'Make a token' })
  await tokenForm.getByLabel('What it is for').fill('Partner help desk')
  await tokenForm.getByLabel('Role').selectOption('support')
  await tokenForm.getByLabel('Days it works').fill('30')
  await tokenForm.getByRole('button', { name: 'Make the token' }).click()
  await page.getByText('Token “Partner help desk” made.').waitFor()
  const secret = await page.locator('.token-secret code').textContent()
  expect(secret).toMatch(/^exd_/)
  expect(
    await page
      .getByText('it is not kept here and will not be shown again', { exact: false })
      .count(),
  ).toBe(1)
  expect(await rowText(page, /Partner help desk/)).toMatch(/^Partner help desk Support Active/)
  await expectAccessible(page)
  await screenshot(page, 'console-tokens', viewport)

  await page
    .getByRole('row', { name: /Partner help desk/ })
    .getByRole('button', { name: 'Revoke' })
    .click()
  const question = page.getByRole('alertdialog', { name: 'Revoke “Partner help desk”?' })
  await question.waitFor()
  await expectAccessible(page)
  await question.getByRole('button', { name: 'Revoke the token' }).click()
  await question.waitFor({ state: 'hidden' })
  await page
    .getByRole('row', { name: /Partner help desk/ })
    .getByText('Revoked')
    .first()
    .waitFor()
  expect(await rowText(page, /Partner help desk/)).toMatch(/^Partner help desk Support Revoked/)
  // The revoked secret opens nothing any more.
  const refused = await fetch(`${new URL(page.url()).origin}/v1/exams`, {
    headers: { authorization: `Bearer ${secret}` },
  })
  expect(refused.status).toBe(401)
}

// Auckland has demo slots at 09:00 and 13:00 on weekdays until Tuesday 7 July 2026 (now is
// Monday 15 June): the week from Wednesday 1 July gives 10 starts, of which Tuesday's 2 are new.
async function previewThenGenerate(page: Page, viewport: ViewportName) {
  await page.getByRole('navigation').getByRole('link', { name: 'Providers' }).click()
  await page.getByRole('heading', { level: 1, name: 'Providers and centres' }).waitFor()
  await page.getByRole('heading', { level: 2, name: 'Prometric' }).waitFor()
  // Each provider's heading shows before the centres arrive; the centre must follow.
  await page.getByText('Prometric Auckland Grafton').first().waitFor()

  await page.getByLabel('Centre', { exact: true }).selectOption('akl-prometric')
  await page.getByLabel('From (the centre’s day)').fill('2026-07-01')
  await page.getByLabel('Until (not included)').fill('2026-07-08')
  await page.getByLabel('Every', { exact: true }).fill('4h')
  await page.getByLabel('Opening hours').fill('09:00-14:00')
  await page.getByLabel('Days', { exact: true }).fill('mon-fri')
  await page.getByLabel('Seats per slot').fill('6')
  await page.getByRole('button', { name: 'Preview the slots' }).click()

  const preview = page.getByRole('region', {
    name: 'What this schedule would create at Prometric Auckland Grafton',
  })
  await preview.waitFor()
  expect((await preview.innerText()).replace(/\s+/g, ' ')).toContain(
    '10 starts from now on: 2 new slots of 6 seats, 8 already there (left as they are). Times on the centre’s clock (Pacific/Auckland).',
  )
  const starts = preview.getByRole('listitem')
  expect(await starts.count()).toBe(10)
  expect(await starts.first().innerText()).toMatch(/1 Jul 2026.*09:00.*New Zealand.*already there/s)
  const fresh = await preview.locator('li.slot-new').allInnerTexts()
  expect(fresh).toHaveLength(2)
  expect(fresh.every((text) => /7 Jul 2026/.test(text) && /new$/.test(text.trim()))).toBe(true)
  await expectAccessible(page)
  await screenshot(page, 'console-providers', viewport)

  await page.getByRole('button', { name: 'Create 2 slots' }).click()
  const done = page.getByText(/slots created at Prometric Auckland Grafton/)
  await done.waitFor()
  expect(await done.textContent()).toBe(
    '2 slots created at Prometric Auckland Grafton; 8 were there already.',
  )
  await expectAccessible(page)

  // The same schedule again: the preview now finds every start there.
  await page.getByRole('button', { name: 'Preview the slots' }).click()
  await preview.waitFor()
  expect((await preview.innerText()).replace(/\s+/g, ' ')).toContain(
    '10 starts from now on: no new slot of 6 seats, 10 already there',
  )
  expect(await page.getByRole('button', { name: 'Nothing to create' }).isDisabled()).toBe(true)
}

async function offerVersions(page: Page, viewport: ViewportName) {
  await page.getByRole('navigation').getByRole('link', { name: 'Offers' }).click()
  await page.getByRole('heading', { level: 1, name: 'Offers' }).waitFor()
  await page.getByRole('link', { name: 'Study book 15 % discount' }).click()
  await page
    .getByRole('heading', { level: 2, name: 'Versions of Study book 15 % discount' })
    .waitFor()

  // The next version: a larger discount under a new name.
  const form = page.getByRole('form', { name: 'Make version 2' })
  await form.getByLabel('Name').fill('Study book 20 % discount')
  await form.getByLabel('Discount (%)').fill('20')
  await form.getByRole('button', { name: 'Make version 2' }).click()
  await page.getByText('Version 2 is made; it is shown beside the others.').waitFor()
  await page.getByRole('columnheader', { name: /Version 2/ }).waitFor()

  const table = page.getByRole('table', { name: 'Every version side by side, oldest first' })
  expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
    'Term',
    expect.stringMatching(/^Version 1\s+superseded$/),
    expect.stringMatching(/^Version 2\s+in force$/),
  ])
  const cells = async (term: string) =>
    (
      await table
        .getByRole('row', { name: new RegExp(`^${term}`) })
        .getByRole('cell')
        .allInnerTexts()
    ).map((text) => text.replace(/\s+/g, ' ').trim())
  expect(await cells('What a code gives')).toEqual(['15 % off', 'Changed: 20 % off'])
  expect(await cells('Name')).toEqual([
    'Study book 15 % discount',
    'Changed: Study book 20 % discount',
  ])
  // A term both versions share is not marked.
  expect(await cells('Uses per code')).toEqual(['1 registration', '1 registration'])
  expect(await cells('Good for')).toEqual(['365 days from issue', '365 days from issue'])
  await expectAccessible(page)
  await screenshot(page, 'console-offers', viewport)
}

describe.skipIf(!chromiumAvailable)('an admin’s console pages, in Chromium', () => {
  const portal = usePortal()

  it.each(viewports)('Henrik makes a support account (%s)', async (viewport) => {
    const page = await henrik(portal(), viewport)
    await makeStaffAccount(page, viewport)
  })

  it.each(viewports)(
    'Henrik makes a token, sees its secret once, then revokes it (%s)',
    async (viewport) => {
      const page = await henrik(portal(), viewport)
      await makeAndRevokeToken(page, viewport)
    },
    JOURNEY_TIMEOUT,
  )

  it.each(viewports)(
    'Henrik previews the slots of a schedule, then generates exactly them (%s)',
    async (viewport) => {
      const page = await henrik(portal(), viewport)
      await previewThenGenerate(page, viewport)
    },
    JOURNEY_TIMEOUT,
  )

  it.each(viewports)(
    'Henrik reads an offer’s two versions side by side, the change marked (%s)',
    async (viewport) => {
      const page = await henrik(portal(), viewport)
      await offerVersions(page, viewport)
    },
    JOURNEY_TIMEOUT,
  )

  it.each(viewports)(
    'Henrik adds a beta exam with its seats, restricted countries and results date, then runs it (%s)',
    async (viewport) => {
      const page = await henrik(portal(), viewport)
      await page.goto('/console/exams')
      await page.getByRole('heading', { level: 1, name: 'Exams' }).waitFor()
      const form = page.getByRole('region', { name: 'Add an exam' })
      await form.getByLabel('Exam number').fill('71-650')
      await form.getByLabel('Title', { exact: true }).fill('Beta: Configuring Windows Search')
      await form.getByLabel('Status').selectOption('beta')
      await form.getByLabel('Beta of (the live exam it previews)').fill('70-620')
      await form.getByLabel(/^Beta period starts/).fill('2026-07-01T09:00')
      await form.getByLabel(/^Beta period ends/).fill('2026-08-31T18:00')
      await form.getByLabel('Seat limit').fill('150')
      await form.getByLabel(/^Not offered in/).fill('cn, ir')
      await form.getByLabel(/^Results may be released from/).fill('2026-09-15T09:00')
      await expectAccessible(page)
      await screenshot(page, 'console-exams-new-beta', viewport)
      await form.getByRole('button', { name: 'Add the exam' }).click()
      const made = form.getByRole('status')
      await made.getByText('071-650 added as a beta').waitFor()

      const programme = await asStaff<{
        seatLimit: number
        restrictedCountries: string[]
        acceptsNewCandidates: boolean
      }>(portal(), 'GET', '/v1/exams/071-650/beta-programme')
      expect(programme).toMatchObject({
        seatLimit: 150,
        restrictedCountries: ['CN', 'IR'],
        acceptsNewCandidates: true,
      })
      const exam = await asStaff<{ status: string; betaOf: string }>(
        portal(),
        'GET',
        '/v1/exams/071-650',
      )
      expect(exam).toMatchObject({ status: 'beta', betaOf: '070-620' })

      await made.getByRole('link', { name: 'Run the beta of 071-650' }).click()
      await page.waitForURL('**/console/betas/071-650')
      await page
        .getByRole('region', { name: 'Programme' })
        .getByText('150', { exact: false })
        .first()
        .waitFor()
      await expectAccessible(page)
    },
    JOURNEY_TIMEOUT,
  )

  it(
    'shows the catalogue with each exam’s status and prices',
    async () => {
      const page = await henrik(portal(), 'desktop')
      await page.getByRole('navigation').getByRole('link', { name: 'Exams', exact: true }).click()
      await page.getByRole('heading', { level: 1, name: 'Exams' }).waitFor()
      await page
        .getByRole('row', { name: /070-620/ })
        .getByText('US$165.00')
        .waitFor()
      expect(await rowText(page, /^070-620/)).toMatch(/Live US\$165\.00 Regular price/)
      expect(await rowText(page, /^071-621/)).toMatch(/Beta Beta of 070-621/)
      await expectAccessible(page)
      await screenshot(page, 'console-exams', 'desktop')

      // A second currency beside the dollar price, set in the exam's dialog.
      await page.getByRole('button', { name: 'Set prices of 070-620' }).click()
      const dialog = page.getByRole('dialog', { name: 'Prices of 070-620' })
      await dialog.waitFor()
      expect(await dialog.getByLabel('Currency 1').inputValue()).toBe('USD')
      expect(await dialog.getByLabel('Price 1').inputValue()).toBe('165.00')
      await dialog.getByLabel('Currency 2').fill('EUR')
      await dialog.getByLabel('Price 2').fill('150')
      await expectAccessible(page)
      await dialog.getByRole('button', { name: 'Save the prices' }).click()
      await dialog.waitFor({ state: 'hidden' })
      await page
        .getByRole('row', { name: /070-620/ })
        .getByText('€150.00')
        .waitFor()
      expect(await rowText(page, /^070-620/)).toMatch(/Live €150\.00 US\$165\.00 Regular price/)
    },
    JOURNEY_TIMEOUT,
  )
})

describe.skipIf(!chromiumAvailable)('an admin’s console pages, on PostgreSQL', () => {
  const portal = usePortal('postgres')

  it('Rosa, support, is told /console/staff is no page, and her menu has no admin place', async () => {
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.support)
    const menu = page.getByRole('navigation')
    const places = await menu.getByRole('link').allInnerTexts()
    expect(places).toContain('Find a candidate')
    for (const adminPlace of ['Staff and tokens', 'Exams', 'Providers', 'Offers', 'Reports'])
      expect(places).not.toContain(adminPlace)
    for (const address of [
      '/console/staff',
      '/console/exams',
      '/console/providers',
      '/console/offers',
    ]) {
      await page.goto(address)
      await page.getByRole('heading', { level: 1 }).waitFor()
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('No such page')
      expect(
        await page.getByRole('button', { name: /Make the account|Make the token/ }).count(),
      ).toBe(0)
    }
    await expectAccessible(page)
  })

  it(
    'Henrik previews then generates slots on PostgreSQL, the count matching the preview',
    async () => {
      const page = await henrik(portal(), 'desktop')
      await previewThenGenerate(page, 'desktop')
    },
    JOURNEY_TIMEOUT,
  )
})
