import type { CDPSession, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
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

interface Authenticator {
  readonly cdp: CDPSession
  readonly id: string
}

/**
 * A device that keeps passkeys and verifies its person (a fingerprint, say)
 * without asking, attached to the page's tab through Chromium's virtual
 * authenticator: the browser's WebAuthn prompt talks to it instead of a
 * person. It stays with the tab across its pages.
 */
async function addAuthenticator(page: Page, isUserVerified = true): Promise<Authenticator> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified,
      automaticPresenceSimulation: true,
    },
  })
  return { cdp, id: authenticatorId }
}

async function passkeysHeld(authenticator: Authenticator): Promise<number> {
  const { credentials } = await authenticator.cdp.send('WebAuthn.getCredentials', {
    authenticatorId: authenticator.id,
  })
  return credentials.length
}

describe.skipIf(!chromiumAvailable)('passkeys, in Chromium', () => {
  const portal = usePortal()

  it.each(viewports)(
    'on a %s, a passkey added on the account page signs in without a mail, and once removed signs in no more',
    async (viewport) => {
      const page = await portal().open({ viewport })
      const device = await addAuthenticator(page)
      await signInByCode(page, portal().db, DEMO_SIGN_IN.candidate)
      await page.getByRole('link', { name: 'Account' }).click()
      const passkeys = page.getByRole('region', { name: 'Passkeys' })
      await passkeys.getByText('No passkeys on this account.').waitFor()
      // Named after this browser to start with: Chromium on Linux says Chrome.
      const name = passkeys.getByRole('textbox', { name: 'Name of the passkey' })
      expect(await name.inputValue()).toBe('Chrome on Linux')
      await name.fill('Work laptop')
      await passkeys.getByRole('button', { name: 'Add a passkey on this device' }).click()
      await passkeys
        .getByText('The passkey “Work laptop” is added: on this device, sign in with it')
        .waitFor()
      await expect
        .poll(() => passkeys.getByRole('listitem').textContent())
        .toMatch(/Work laptop.*not used yet/)
      expect(await passkeysHeld(device)).toBe(1)
      await expectAccessible(page)
      await screenshot(page, 'account-passkey-added', viewport)

      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.waitForURL(/\/sign-in$/)
      await expectAccessible(page)
      await page.getByRole('button', { name: 'Sign in with a passkey' }).click()
      await page.getByRole('heading', { level: 1, name: 'Hello, Chloe Nguyen' }).waitFor()
      await page.getByRole('link', { name: 'Account' }).click()
      expect(await passkeys.getByRole('listitem').textContent()).toMatch(/Work laptop.*last used/)

      await passkeys.getByRole('button', { name: 'Remove' }).click()
      await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, remove it' }).click()
      await passkeys.getByText('No passkeys on this account.').waitFor()
      // The device still holds it, but it signs in nowhere now, and the page says so.
      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.waitForURL(/\/sign-in$/)
      await page.getByRole('button', { name: 'Sign in with a passkey' }).click()
      await page
        .getByRole('alert')
        .getByText('This passkey does not sign in here: it is unknown or was removed.')
        .waitFor()
      await page.goto('/')
      await page.waitForURL(/\/sign-in\?next=/)
    },
  )

  it.each(viewports)(
    'on a %s, a passkey prompt that ends without one is said in words, and nothing changes',
    async (viewport) => {
      // A device with no passkey for examdesk: the browser's prompt has nothing to offer.
      const page = await portal().open({ viewport })
      const empty = await addAuthenticator(page)
      await page.goto('/sign-in')
      await page.getByRole('button', { name: 'Sign in with a passkey' }).click()
      const alert = page.getByRole('alert')
      await alert.waitFor()
      expect(await alert.textContent()).toBe(
        'No passkey was used: the prompt was closed or timed out, or this device has no passkey for examdesk. Try again, or sign in by mail.',
      )
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in')
      await expectAccessible(page)
      await screenshot(page, 'sign-in-passkey-cancelled', viewport)
      await empty.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: empty.id })

      // A device whose person is not verified (the fingerprint refused): nothing is added.
      const refusing = await addAuthenticator(page, false)
      await signInByCode(page, portal().db, DEMO_SIGN_IN.candidate)
      await page.goto('/account')
      const passkeys = page.getByRole('region', { name: 'Passkeys' })
      await passkeys.getByRole('button', { name: 'Add a passkey on this device' }).click()
      await passkeys
        .getByRole('alert')
        .getByText('No passkey was added: the prompt was closed or timed out.')
        .waitFor()
      expect(await passkeys.getByText('No passkeys on this account.').count()).toBe(1)
      expect(await passkeysHeld(refusing)).toBe(0)
      expect(await portal().db.selectFrom('passkeys').select('id').execute()).toEqual([])
      await expectAccessible(page)
      await screenshot(page, 'account-passkey-cancelled', viewport)
    },
  )

  it('at an IP address, where browsers allow no passkey, the page says to open the usual address', async () => {
    const page = await portal().open()
    await addAuthenticator(page)
    const port = new URL(portal().url).port
    await page.goto(`http://127.0.0.1:${port}/sign-in`)
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click()
    expect(await page.getByRole('alert').textContent()).toBe(
      'Passkeys do not work at this address (127.0.0.1). Open examdesk at its usual address, or sign in by mail.',
    )
  })
})
