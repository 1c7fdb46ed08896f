import { describe, expect, it } from 'vitest'
import { insertOutsideIdentity } from '../../src/db/accounts/outside-identities.js'
import { insertPasskey } from '../../src/db/accounts/passkeys.js'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { instant } from '../api/api-harness.js'
import {
  asStaff,
  chromiumAvailable,
  expectAccessible,
  type Portal,
  screenshot,
  signIn,
  usePortal,
} from './portal.js'

/** A passkey and an outside identity on Chloe's account, as adding and linking them would leave. */
async function chloesSignIns(portal: Portal): Promise<void> {
  await insertPasskey(portal.db, {
    id: 'pk-chloe-laptop',
    accountId: 'acct-chloe',
    name: 'Work laptop',
    createdAt: instant('2026-05-02T08:00:00Z'),
    lastUsedAt: null,
    transports: ['internal'],
    credentialId: 'Y3JlZGVudGlhbC1jaGxvZS1sYXB0b3A',
    publicKey: 'cHVibGljLWtleS1jaGxvZS1sYXB0b3A',
    signCount: 0,
  })
  await insertOutsideIdentity(portal.db, {
    id: 'oid-chloe',
    issuer: 'https://login.example.edu/realms/students',
    subject: 'chloe.nguyen',
    accountId: 'acct-chloe',
    linkedAt: instant('2026-04-20T02:00:00Z'),
    lastUsedAt: null,
  })
}

describe.skipIf(!chromiumAvailable)('the account page, in Chromium', () => {
  const portal = usePortal()

  it('shows the profile, and the time zone changed here changes the clock times are read on', async () => {
    await chloesSignIns(portal())
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.candidate)
    await page.getByRole('link', { name: 'Account' }).click()
    const profile = page.getByRole('region', { name: 'Profile' })
    await profile.getByText('Australia', { exact: true }).waitFor()
    const facts = await profile.locator('dl').textContent()
    for (const fact of ['Chloe Nguyen', DEMO_SIGN_IN.candidate, 'Australia/Sydney'])
      expect(facts).toContain(fact)
    await page.getByText('Work laptop').waitFor()
    expect(await page.getByRole('region', { name: 'Linked identities' }).textContent()).toContain(
      'login.example.edu: chloe.nguyen',
    )
    await expectAccessible(page)
    await screenshot(page, 'account', 'desktop')

    // The time zone, found by typing part of its name.
    await profile.getByRole('combobox', { name: 'Time zone' }).fill('Berlin')
    await page.getByRole('option', { name: 'Europe/Berlin' }).click()
    await profile.getByRole('button', { name: 'Save changes' }).click()
    await profile.getByText('Saved. Your profile now reads Chloe Nguyen, Europe/Berlin.').waitFor()
    expect(await profile.locator('dl').textContent()).toContain('Europe/Berlin')
    const stored = await asStaff<{ timeZone: string }>(portal(), 'GET', '/v1/candidates/cand-chloe')
    expect(stored.timeZone).toBe('Europe/Berlin')
    // Times on the page now read on the new clock.
    const sessions = page.getByRole('region', { name: 'Where you are signed in' })
    await expect.poll(() => sessions.textContent()).toContain('Central European Summer Time')
    await expectAccessible(page)
  })

  it('another browser is signed out from here at once; this one is marked and ends by signing out', async () => {
    const desk = await portal().open()
    await signIn(desk, portal().db, DEMO_SIGN_IN.candidate)
    const phone = await portal().open({ viewport: 'phone' })
    await signIn(phone, portal().db, DEMO_SIGN_IN.candidate)
    await phone.getByRole('link', { name: 'Account' }).click()
    await phone.getByRole('heading', { level: 1, name: 'Your account' }).waitFor()
    await phone.getByText('This browser').waitFor()
    await expectAccessible(phone)
    await screenshot(phone, 'account', 'phone')

    await desk.getByRole('link', { name: 'Account' }).click()
    const sessions = desk.getByRole('region', { name: 'Where you are signed in' })
    const open = sessions.getByRole('listitem')
    await expect.poll(() => open.count()).toBe(2)
    expect(await open.filter({ hasText: 'This browser' }).count()).toBe(1)
    // Only the other browser can be ended from here; this one signs out in the header.
    const end = sessions.getByRole('button', { name: 'End this session' })
    expect(await end.count()).toBe(1)
    await end.click()
    await sessions.getByText('Session ended: that browser is signed out.').waitFor()
    await expect.poll(() => end.count()).toBe(0)
    expect(await sessions.textContent()).toContain('ended from another session or by support')
    await expectAccessible(desk)
    // The other browser's next page asks it to sign in.
    await phone.reload()
    await phone.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor()
  })

  it('a passkey is removed after a question', async () => {
    await chloesSignIns(portal())
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.candidate, '/account')
    const passkeys = page.getByRole('region', { name: 'Passkeys' })
    expect(await passkeys.getByRole('listitem').textContent()).toMatch(
      /Work laptop.*added 2 May 2026.*not used yet/,
    )
    await passkeys.getByRole('button', { name: 'Remove' }).click()
    const dialog = page.getByRole('alertdialog')
    await dialog.getByRole('heading', { name: 'Remove the passkey “Work laptop”?' }).waitFor()
    await expectAccessible(page)
    await dialog.getByRole('button', { name: 'Yes, remove it' }).click()
    await passkeys.getByText('The passkey “Work laptop” is removed.').waitFor()
    await passkeys.getByText('No passkeys on this account.').waitFor()
    expect(await portal().db.selectFrom('passkeys').select('id').execute()).toEqual([])
  })

  it('a name the API refuses is said at its field, and the page reads in German', async () => {
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.candidate)
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    await page.getByRole('link', { name: 'Konto' }).click()
    const profile = page.getByRole('region', { name: 'Profil' })
    const first = profile.getByRole('textbox', { name: 'Vorname' })
    await first.fill('Chlo\u200Be')
    await profile.getByRole('button', { name: 'Änderungen speichern' }).click()
    await expect.poll(() => first.getAttribute('aria-invalid')).toBe('true')
    expect(await profile.textContent()).toContain('ohne Steuer- oder unsichtbare Zeichen')
    const stored = await asStaff<{ firstName: string }>(
      portal(),
      'GET',
      '/v1/candidates/cand-chloe',
    )
    expect(stored.firstName).toBe('Chloe')
    await expectAccessible(page)
    await first.fill('Chloé')
    await profile.getByRole('button', { name: 'Änderungen speichern' }).click()
    await profile
      .getByText('Gespeichert. Ihr Profil lautet jetzt Chloé Nguyen, Australia/Sydney.')
      .waitFor()
    await screenshot(page, 'account-german', 'desktop')
  })
})
