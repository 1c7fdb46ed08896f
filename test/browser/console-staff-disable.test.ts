import { describe, expect, it } from 'vitest'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import {
  chromiumAvailable,
  expectAccessible,
  screenshot,
  signIn,
  usePortal,
  VIEWPORTS,
  type ViewportName,
} from './portal.js'

const viewports = Object.keys(VIEWPORTS) as ViewportName[]
const REASON = 'Left the support team on 30 November'

describe.skipIf(!chromiumAvailable)('disabling a staff account, in Chromium', () => {
  const portal = usePortal()

  it.each(viewports)(
    'Henrik disables Rosa with a reason: she is signed out at once and cannot sign in until enabled (%s)',
    async (viewport) => {
      const rosa = await portal().open({ viewport })
      await signIn(rosa, portal().db, DEMO_SIGN_IN.support)

      const page = await portal().open({ viewport })
      await signIn(page, portal().db, DEMO_SIGN_IN.admin, '/console/staff')
      const row = page.getByRole('row', { name: /Rosa Delgado/ })
      await row.waitFor()
      // His own account offers no way to lock himself out.
      const own = page.getByRole('row', { name: /Henrik Lund/ })
      expect(await own.getByRole('button', { name: /^Disable/ }).count()).toBe(0)

      await row.getByRole('button', { name: 'Disable Rosa Delgado' }).click()
      const dialog = page.getByRole('alertdialog', { name: 'Disable the account of Rosa Delgado?' })
      await dialog.waitFor()
      expect(await dialog.textContent()).toContain('signed out everywhere at once')
      // The safe answer has the focus; the reason is required before anything is sent.
      expect(
        await dialog.getByRole('button', { name: 'Cancel' }).evaluate((b) => b.matches(':focus')),
      ).toBe(true)
      await dialog.getByRole('button', { name: 'Disable the account' }).click()
      expect(await dialog.isVisible()).toBe(true)
      await dialog.getByLabel('Reason').fill(REASON)
      await expectAccessible(page)
      await screenshot(page, 'console-staff-disable', viewport)
      await dialog.getByRole('button', { name: 'Disable the account' }).click()
      await dialog.waitFor({ state: 'hidden' })
      await row.getByText('Disabled since').waitFor()
      await row.getByRole('button', { name: 'Enable Rosa Delgado' }).waitFor()
      await expectAccessible(page)
      await screenshot(page, 'console-staff-disabled', viewport)

      const audit = await portal()
        .db.selectFrom('audit_log')
        .select(['actor_name', 'reason'])
        .where('action', '=', 'account-disabled')
        .execute()
      expect(audit).toEqual([{ actor_name: 'Henrik Lund', reason: REASON }])

      // Rosa's open page: its next request finds her signed out.
      await rosa.reload()
      await rosa.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor()
      // Asking for a sign-in mail brings a mail that says why no code comes.
      await rosa.getByLabel('Email').fill(DEMO_SIGN_IN.support)
      await rosa.getByRole('button', { name: 'Send me a sign-in mail' }).click()
      await rosa.getByLabel('Code from the mail').waitFor()
      const mails = await portal()
        .db.selectFrom('outbox')
        .select('subject')
        .where('recipient', '=', DEMO_SIGN_IN.support)
        .where('kind', '=', 'sign-in-refused')
        .execute()
      expect(mails).toEqual([{ subject: 'Your examdesk account is disabled' }])

      await row.getByRole('button', { name: 'Enable Rosa Delgado' }).click()
      const enable = page.getByRole('alertdialog', {
        name: 'Enable the account of Rosa Delgado again?',
      })
      await enable.getByLabel('Reason').fill('Back on the team')
      await enable.getByRole('button', { name: 'Enable the account' }).click()
      await enable.waitFor({ state: 'hidden' })
      await row.getByRole('button', { name: 'Disable Rosa Delgado' }).waitFor()
      expect(await row.getByText('Disabled since').count()).toBe(0)
      await signIn(rosa, portal().db, DEMO_SIGN_IN.support)
    },
    120_000,
  )
})
