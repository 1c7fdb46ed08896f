import { describe, expect, it } from 'vitest'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { latestSignInMail } from '../api/sign-in-world.js'
import { enrolmentDay } from './enrolment-day.js'
import {
  chromiumAvailable,
  expectAccessible,
  screenshot,
  usePortal,
  VIEWPORTS,
  type ViewportName,
} from './portal.js'

const viewports = Object.keys(VIEWPORTS) as ViewportName[]

describe.skipIf(!chromiumAvailable)("a code's preview in German, in Chromium", () => {
  const portal = usePortal()

  it.each(viewports)(
    'on a %s, a German reader is told what a free-retake code does, keeps and costs in German',
    async (viewport) => {
      const { code, slots } = await enrolmentDay(portal())
      const slot = slots.find((candidate) => candidate.deadlinesPassed.length === 0)!
      const page = await portal().open({ viewport, locale: 'de-DE' })
      // Signing in as a German reader does, in German.
      await page.goto('/sign-in')
      await page.getByLabel('E-Mail-Adresse').fill(DEMO_SIGN_IN.candidate)
      await page.getByRole('button', { name: 'Anmelde-Mail senden' }).click()
      await page.getByLabel('Code aus der Mail').waitFor()
      const mail = await latestSignInMail(portal().db, DEMO_SIGN_IN.candidate)
      await page.getByLabel('Code aus der Mail').fill(mail.code)
      await page.getByRole('button', { name: 'Anmelden', exact: true }).click()
      await page.getByRole('heading', { level: 1, name: /^Hallo,/ }).waitFor()
      await page.goto(`/book?exam=070-622&slot=${slot.id}`)
      const field = page.getByLabel('Gutschein- oder Aktionscode')
      await field.fill(code)
      await page.getByRole('button', { name: 'Zeigen, was dieser Code bewirkt' }).click()
      const preview = page.locator('.code-preview')
      await preview.getByText('Er behält').waitFor()

      // What the offer covers, too, from its parts.
      expect(await preview.locator('p').first().textContent()).toContain('zum regulären Preis')
      const said = async (term: string) =>
        (await preview.locator('dt', { hasText: term }).locator('+ dd').textContent()) ?? ''
      expect(await said('Er bewirkt')).toBe(
        'Bucht den ersten Versuch von 070-622 zum vollen Preis; die kostenlose Wiederholung des Codes bleibt dafür erhalten.',
      )
      const keeps = await said('Er behält')
      expect(keeps).toMatch(
        /^Wird dieser Versuch nicht bestanden, bucht derselbe Code eine kostenlose Wiederholung von 070-622; sie muss stattfinden, bevor der Code am .+ abläuft\./,
      )
      // The expiry is said on the candidate's clock, in German.
      expect(keeps).not.toMatch(/free retake|If this attempt/)
      expect(await said('Preis')).toMatch(/€|\$|US/)
      await expectAccessible(page)
      await screenshot(page, 'book-code-preview-de', viewport)
    },
  )
})
