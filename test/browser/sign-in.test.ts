import { describe, expect, it } from 'vitest'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { latestSignInMail } from '../api/sign-in-world.js'
import {
  chromiumAvailable,
  expectAccessible,
  screenshot,
  signInByCode,
  usePortal,
  VIEWPORTS,
  type ViewportName,
} from './portal.js'

const viewports = Object.keys(VIEWPORTS) as ViewportName[]

describe.skipIf(!chromiumAvailable)('signing in, in Chromium', () => {
  const portal = usePortal()

  it.each(viewports)(
    'on a %s, a person who opens the address is asked to sign in, types the mailed code and lands on their home page',
    async (viewport) => {
      const { db } = portal()
      const page = await portal().open({ viewport })
      await page.goto('/')
      await page.waitForURL(/\/sign-in\?next=%2F$/)
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in')
      await expectAccessible(page)
      await screenshot(page, 'sign-in', viewport)

      await page.getByLabel('Email').fill(DEMO_SIGN_IN.candidate)
      await page.getByRole('button', { name: 'Send me a sign-in mail' }).click()
      await page.getByLabel('Code from the mail').waitFor()
      expect(await page.getByRole('status').textContent()).toContain(DEMO_SIGN_IN.candidate)
      await expectAccessible(page)
      await screenshot(page, 'sign-in-code', viewport)

      // Typed as a person might: lower case, without the dash.
      const { code } = await latestSignInMail(db, DEMO_SIGN_IN.candidate)
      await page.getByLabel('Code from the mail').fill(code.replace('-', '').toLowerCase())
      await page.getByRole('button', { name: 'Sign in', exact: true }).click()
      await page.getByRole('heading', { level: 1, name: 'Hello, Chloe Nguyen' }).waitFor()
      expect(new URL(page.url()).pathname).toBe('/')
      // Each result names its provider as people know it, not by the catalogue's id.
      const results = page.getByRole('region', { name: 'Results' })
      await results.getByRole('listitem').first().waitFor()
      const said = await results.textContent()
      expect(said).toContain('at Pearson VUE')
      expect(said).toContain('at Prometric')
      expect(said).not.toContain('pearson-vue')
      await expectAccessible(page)
      await screenshot(page, 'home', viewport)

      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.waitForURL(/\/sign-in$/)
      // The session is over on the server too: home sends the browser back to sign in.
      await page.goto('/')
      await page.waitForURL(/\/sign-in\?next=/)
    },
  )

  it('a wrong code is refused in words and the right one still works after it', async () => {
    const { db } = portal()
    const page = await portal().open()
    await page.goto('/sign-in')
    await page.getByLabel('Email').fill(DEMO_SIGN_IN.candidate)
    await page.getByRole('button', { name: 'Send me a sign-in mail' }).click()
    await page.getByLabel('Code from the mail').fill('AAAA-AAAA')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/code/i)
    await expectAccessible(page)

    const { code } = await latestSignInMail(db, DEMO_SIGN_IN.candidate)
    await page.getByLabel('Code from the mail').fill(code)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Hello, Chloe Nguyen' }).waitFor()
  })

  it("the mail's link opens a page with a button; pressing it signs in and lands on home", async () => {
    const { db } = portal()
    const page = await portal().open()
    await page.goto('/sign-in')
    await page.getByLabel('Email').fill(DEMO_SIGN_IN.candidate)
    await page.getByRole('button', { name: 'Send me a sign-in mail' }).click()
    await page.getByLabel('Code from the mail').waitFor()
    const { link } = await latestSignInMail(db, DEMO_SIGN_IN.candidate)
    await page.goto(link)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { level: 1, name: 'Hello, Chloe Nguyen' }).waitFor()
  })

  it('a deep address asked for before signing in is where the sign-in leads', async () => {
    const { db } = portal()
    const page = await portal().open()
    await page.goto('/help?from=mail')
    await page.goto('/')
    await signInByCode(page, db, DEMO_SIGN_IN.candidate)
    expect(new URL(page.url()).pathname).toBe('/')
  })

  it('a newcomer makes an account with the form, types the mailed code and is signed in as themself', async () => {
    const { db } = portal()
    const page = await portal().open()
    await page.goto('/sign-in')
    await page.getByRole('link', { name: 'Make one' }).click()
    await page.getByRole('heading', { level: 1, name: 'Make an account' }).waitFor()
    await page.getByLabel('First name').fill('Iris')
    await page.getByLabel('Last name').fill('Okonkwo')
    await page.getByLabel('Email').fill('iris.okonkwo@example.org')
    await page.getByRole('combobox', { name: 'Country you live in' }).fill('Nigeri')
    await page.getByRole('option', { name: 'Nigeria' }).click()
    await page.getByRole('combobox', { name: 'Your time zone' }).fill('Africa/Lag')
    await page.getByRole('option', { name: 'Africa/Lagos' }).click()
    await expectAccessible(page)
    await screenshot(page, 'sign-up', 'desktop')
    await page.getByRole('button', { name: 'Make my account' }).click()
    await page.getByLabel('Code from the mail').waitFor()
    const { code } = await latestSignInMail(db, 'iris.okonkwo@example.org')
    await page.getByLabel('Code from the mail').fill(code)
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Hello, Iris Okonkwo' }).waitFor()
    const candidate = await db
      .selectFrom('candidates')
      .select(['country', 'time_zone'])
      .where('email', '=', 'iris.okonkwo@example.org')
      .executeTakeFirstOrThrow()
    expect(candidate).toEqual({ country: 'NG', time_zone: 'Africa/Lagos' })
  })

  it('speaks German to a German browser and mirrors the page for Arabic', async () => {
    const german = await portal().open({ locale: 'de-DE' })
    await german.goto('/sign-in')
    await german.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor()
    expect(await german.locator('html').getAttribute('lang')).toBe('de')
    await expectAccessible(german)
    await screenshot(german, 'sign-in-de', 'desktop')

    const arabic = await portal().open({ locale: 'ar-EG', viewport: 'phone' })
    await arabic.goto('/sign-in')
    await arabic.getByRole('heading', { level: 1, name: 'تسجيل الدخول' }).waitFor()
    expect(await arabic.locator('html').getAttribute('dir')).toBe('rtl')
    await expectAccessible(arabic)
    await screenshot(arabic, 'sign-in-ar', 'phone')
  })
})
