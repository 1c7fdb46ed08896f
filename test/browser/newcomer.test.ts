import { describe, expect, it } from 'vitest'
import type { DialectName } from '../../src/db/engine/dialect.js'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { instant } from '../api/api-harness.js'
import { testDatabases } from '../support/databases.js'
import {
  asStaff,
  chromiumAvailable,
  expectAccessible,
  screenshot,
  signInByCode,
  usePortal,
  VIEWPORTS,
  type ViewportName,
} from './portal.js'

/** Second Shot 2026 takes enrolments from 1 September 2026. */
const ENROLMENT_DAY = instant('2026-09-10T12:00:00Z')

const viewports = Object.keys(VIEWPORTS) as ViewportName[]
/** Both viewports on SQLite; the same journey once more on PostgreSQL, the server mode, where it answers. */
const runs = testDatabases().flatMap(
  ({ name }): { engine: DialectName; viewport: ViewportName }[] =>
    name === 'sqlite'
      ? viewports.map((viewport) => ({ engine: name, viewport }))
      : [{ engine: name, viewport: 'desktop' as ViewportName }],
)

/**
 * The first thing a newcomer to the demo does: sign in as its candidate,
 * get a free-retake code from the exam's page and book the exam with it,
 * guided by the pages alone.
 */
describe.skipIf(!chromiumAvailable).each(runs)(
  'a newcomer, in Chromium, on $engine',
  ({ engine, viewport }) => {
    const portal = usePortal(engine)

    it(`on a ${viewport}, gets a Second Shot code on the exam’s page and books the exam with it`, async () => {
      portal().clock.set(ENROLMENT_DAY)
      await asStaff(portal(), 'POST', '/v1/centres/syd-prometric/slots/generate', {
        from: '2026-09-14',
        to: '2026-10-31',
        every: '2h',
        daily: '09:00-17:00',
        days: 'mon-fri',
      })
      const page = await portal().open({ viewport })
      await signInByCode(page, portal().db, DEMO_SIGN_IN.candidate)

      // Home → the exam by its number → its page offers the code, with its terms in words.
      await page.getByLabel('Exam number').fill('070-622')
      await page.getByLabel('Exam number').press('Enter')
      await page.getByRole('heading', { level: 1, name: /^070-622 / }).waitFor()
      const offers = page.getByRole('region', { name: 'Codes you can get for this exam' })
      await offers.getByText('Second Shot 2026', { exact: true }).waitFor()
      expect(await offers.textContent()).toContain(
        'If you fail, the same code books one free retake of the same exam',
      )
      await expectAccessible(page)
      if (engine === 'sqlite') await screenshot(page, 'exam-offer', viewport)

      // A double click gets one code.
      await offers.getByRole('button', { name: 'Get a Second Shot 2026 code' }).dblclick()
      const got = offers.getByRole('status')
      await got.waitFor()
      const code = (await got.locator('code').textContent()) ?? ''
      expect(code).toMatch(/^[A-Z0-9-]{10,}$/)
      const held = await portal()
        .db.selectFrom('vouchers')
        .select('code')
        .where('candidate_id', '=', 'cand-chloe')
        .where('offer_id', '=', 'second-shot')
        .execute()
      expect(held).toHaveLength(1)
      const codes = page.getByRole('region', { name: 'Your codes for this exam' })
      await codes.getByText(code).waitFor()
      await expectAccessible(page)
      if (engine === 'sqlite') await screenshot(page, 'exam-offer-enrolled', viewport)

      // A seat near home (Sydney, from the candidate's zone), then the code in the booking's field.
      await offers.getByRole('link', { name: 'Find a seat and book with it' }).click()
      await page.waitForURL('**/seats?exam=070-622**')
      const centre = page.getByRole('article', { name: 'Prometric Sydney Wynyard' })
      await centre
        .getByRole('listitem')
        .filter({ hasText: /A booking could be rescheduled until .* and cancelled until / })
        .first()
        .getByRole('link')
        .click()
      await page.waitForURL('**/book?**')
      await page.getByLabel('Voucher or promotion code').fill(code)
      await page.getByRole('button', { name: 'See what this code does' }).click()
      await page.locator('.code-preview').getByText('It keeps').waitFor()
      await page.getByRole('button', { name: 'Book this seat' }).click()
      await page.getByRole('status').filter({ hasText: 'Booked.' }).waitFor()
      expect(await page.getByText(code).count()).toBeGreaterThan(0)
      const booked = await portal()
        .db.selectFrom('voucher_uses')
        .select('registration_id')
        .where('voucher_code', '=', held[0]!.code)
        .execute()
      expect(booked).toHaveLength(1)
    })
  },
)
