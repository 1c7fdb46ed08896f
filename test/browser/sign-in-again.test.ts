import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { NOW } from '../api/api-harness.js'
import { latestSignInMail } from '../api/sign-in-world.js'
import {
  chromiumAvailable,
  expectAccessible,
  type Portal,
  screenshot,
  signInByCode,
  usePortal,
  type ViewportName,
} from './portal.js'

const MINUTE = 60_000

/** The words of one language for the steps of this journey. */
interface Words {
  readonly locale: string
  readonly account: string
  readonly sessions: string
  readonly end: string
  readonly ended: string
  readonly refusal: RegExp
  readonly signInAgain: string
  readonly email: string
  readonly sendMail: string
  readonly code: string
  readonly signIn: string
  readonly accountHeading: string
}

const ENGLISH: Words = {
  locale: 'en',
  account: 'Account',
  sessions: 'Where you are signed in',
  end: 'End this session',
  ended: 'Session ended: that browser is signed out.',
  refusal: /needs a sign-in within the last 10 minutes\. Nothing was changed\./,
  signInAgain: 'Sign in again, then come back here',
  email: 'Email',
  sendMail: 'Send me a sign-in mail',
  code: 'Code from the mail',
  signIn: 'Sign in',
  accountHeading: 'Your account',
}

const GERMAN: Words = {
  locale: 'de',
  account: 'Konto',
  sessions: 'Wo Sie angemeldet sind',
  end: 'Diese Sitzung beenden',
  ended: 'Sitzung beendet: Dieser Browser ist abgemeldet.',
  refusal: /innerhalb der letzten 10 Minuten nötig\. Es wurde nichts geändert\./,
  signInAgain: 'Erneut anmelden und hierher zurückkehren',
  email: 'E-Mail-Adresse',
  sendMail: 'Anmelde-Mail senden',
  code: 'Code aus der Mail',
  signIn: 'Anmelden',
  accountHeading: 'Ihr Konto',
}

/** Signs in on the sign-in page the browser is on, by the mail's code, as a person does. */
async function signInHere(page: Page, portal: Portal, words: Words, email: string) {
  await page.getByLabel(words.email).fill(email)
  await page.getByRole('button', { name: words.sendMail }).click()
  await page.getByLabel(words.code).waitFor()
  const mail = await latestSignInMail(portal.db, email)
  await page.getByLabel(words.code).fill(mail.code)
  await page.getByRole('button', { name: words.signIn, exact: true }).click()
}

describe.skipIf(!chromiumAvailable)('signing in again for a sensitive change, in Chromium', () => {
  const portal = usePortal()

  const journeys: [ViewportName, Words][] = [
    ['desktop', ENGLISH],
    ['phone', GERMAN],
  ]
  it.each(journeys)(
    'ending another browser’s session ten minutes after signing in asks to sign in again, and comes back to the account page to do it (%s)',
    async (viewport, words) => {
      const other = await portal().open()
      await signInByCode(other, portal().db, DEMO_SIGN_IN.candidate)
      const page = await portal().open({ viewport })
      await signInByCode(page, portal().db, DEMO_SIGN_IN.candidate)
      if (words.locale !== 'en')
        await page.getByRole('combobox', { name: 'Language' }).selectOption(words.locale)
      await page.getByRole('link', { name: words.account }).click()
      const sessions = page.getByRole('region', { name: words.sessions })
      await sessions.getByRole('button', { name: words.end }).waitFor()

      portal().clock.set(NOW + 11 * MINUTE)
      await sessions.getByRole('button', { name: words.end }).click()
      const refusal = sessions.getByRole('alert')
      await refusal.getByText(words.refusal).waitFor()
      await expectAccessible(page)
      await screenshot(page, 'sign-in-again', viewport)
      // Nothing was ended: the other browser is still signed in.
      expect(await sessions.getByRole('button', { name: words.end }).count()).toBe(1)

      await refusal.getByRole('link', { name: words.signInAgain }).click()
      await page.waitForURL('**/sign-in?next=%2Faccount')
      await signInHere(page, portal(), words, DEMO_SIGN_IN.candidate)
      await page.waitForURL('**/account')
      await page.getByRole('heading', { level: 1, name: words.accountHeading }).waitFor()
      await sessions.getByRole('button', { name: words.end }).click()
      await sessions.getByText(words.ended).waitFor()
      await other.reload()
      await other.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor()
    },
  )
})
