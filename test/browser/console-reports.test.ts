import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import type { Instant } from '../../src/domain/instant.js'
import { REPORT_PROVIDER, ReportWorld } from '../api/report-world.js'
import {
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
/** The programme's clock is UTC here: a day is a UTC day. */
const utc = (text: string): Instant => Date.parse(`${text}Z`)
const PERIOD = `from=2026-03-01&to=2026-03-31&provider=${REPORT_PROVIDER}`

/**
 * March 2026 at a provider of the test's own: two centres, five bookings
 * (one missed, one cancelled), three attempts, two codes, a wave and an
 * exception request; returns the centres' names.
 */
async function march(portal: Portal) {
  const r = new ReportWorld(portal.db)
  await r.setUp()
  const harbour = await r.slot(0, utc('2026-03-02T09:00'), 4)
  const cuba = await r.slot(1, utc('2026-03-06T14:00'), 5)
  for (let k = 0; k < 3; k++) await r.register(harbour, utc('2026-03-01T10:00'), 'completed')
  const missed = await r.register(harbour, utc('2026-03-01T10:00'), 'no-show')
  await r.register(cuba, utc('2026-03-01T10:00'), 'cancelled', utc('2026-03-03T08:00'))
  const [ana, ben] = [await r.candidate(), await r.candidate()]
  await r.attempt(ana, utc('2026-03-02T09:00'), 'fail')
  await r.attempt(ana, utc('2026-03-05T09:00'), 'pass')
  await r.attempt(ben, utc('2026-03-02T09:00'), 'pass')
  const code = await r.code(utc('2026-03-01T08:00'), null)
  await r.code(utc('2026-03-01T08:00'), null)
  await r.use(code, missed.id, utc('2026-03-01T10:00'))
  await r.wave(utc('2026-03-01T08:00'), [ana, ben], 2, 1, await r.betaExam())
  await r.exceptionRequest(missed, 'lab-crash', utc('2026-03-02T12:00'), {
    status: 'denied',
    at: utc('2026-03-02T22:00'),
  })
  return { harbour: r.centres[0]!.name, cuba: r.centres[1]!.name }
}

/** The rows of the report's table, each as its cells' text joined by single spaces. */
async function tableRows(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: /^(The figures|Die Zahlen)$/ })
  await table.waitFor()
  const rows = await table.getByRole('row').allInnerTexts()
  return rows.slice(1).map((row) => row.replace(/\s+/g, ' ').trim())
}

async function openReport(page: Page, report: string) {
  await page.goto(`/console/reports?report=${report}&${PERIOD}`)
  return tableRows(page)
}

describe.skipIf(!chromiumAvailable)('the programme’s reports, in Chromium', () => {
  const portal = usePortal()

  it.each(viewports)(
    'shows each report as a chart beside its figures (%s)',
    async (viewport) => {
      const { harbour, cuba } = await march(portal())
      const page = await portal().open({ viewport })
      await signIn(page, portal().db, DEMO_SIGN_IN.admin)
      await page.getByRole('link', { name: 'Reports' }).click()
      await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor()

      // Chosen on the page: the report, the period and the provider.
      await page
        .getByLabel('Report', { exact: true })
        .selectOption({ label: 'Registrations and cancellations per day' })
      await page.getByLabel('First day').fill('2026-03-01')
      await page.getByLabel('Last day').fill('2026-03-31')
      await page
        .getByLabel('Provider', { exact: true })
        .selectOption({ label: 'Report Test Centres' })
      await page.getByRole('button', { name: 'Show' }).click()
      // The report first shown (the default period) stays until the chosen one has come.
      await page
        .getByText('Registrations and cancellations per day, 2026-03-01 to 2026-03-31')
        .waitFor()
      const days = await tableRows(page)
      expect(days).toHaveLength(31)
      const day = (iso: string) =>
        new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
          Date.parse(iso),
        )
      expect(days[0]).toBe(`${day('2026-03-01')} 5 0`)
      expect(days[2]).toBe(`${day('2026-03-03')} 0 1`)
      // The chart: SVG, described for a screen reader, its figures in the table beside it.
      const chart = page.locator('.report-chart[aria-label]').first()
      await chart.waitFor()
      expect(await chart.getAttribute('aria-label')).toContain(
        'Registrations and cancellations per day from 2026-03-01 to 2026-03-31',
      )
      expect(await page.locator('.report-chart svg').count()).toBe(1)
      const csv = page.getByRole('link', { name: 'Download CSV' })
      expect(await csv.getAttribute('href')).toBe(
        `/v1/reports/registrations?from=2026-03-01&to=2026-03-31&provider=${REPORT_PROVIDER}&format=csv`,
      )
      await expectAccessible(page)
      await screenshot(page, 'console-reports', viewport)

      expect(await openReport(page, 'seat-fill')).toEqual([
        `${day('2026-03-02')} ${harbour} Auckland Report Test Centres 1 4 4 100%`,
        `${day('2026-03-02')} ${cuba} Wellington Report Test Centres 1 5 0 0%`,
      ])
      // Ana failed, then passed 3 days later; Ben passed at the first go.
      expect(await openReport(page, 'pass-rates')).toEqual([
        expect.stringMatching(/^070-620 .+ 3 2 66\.7% 2 1 50% 0$/),
      ])
      expect(await openReport(page, 'retakes')).toEqual([
        expect.stringMatching(/^070-620 .+ 1 0 1 0 0 0 0 72 3$/),
      ])
      expect(await openReport(page, 'codes')).toEqual(['report-offer 1 Report offer 2 1 0 0 0'])
      expect(await openReport(page, 'waves')).toEqual([
        expect.stringMatching(/^\S+ 1 Report wave 2 2 1 0 0 0$/),
      ])
      expect(await openReport(page, 'exception-requests')).toEqual(['Lab crash Denied 1 1 10 10'])
      expect(await openReport(page, 'no-shows')).toEqual([
        `${harbour} Auckland Report Test Centres 4 1 25%`,
      ])
      await expectAccessible(page)
      await screenshot(page, 'console-reports-no-shows', viewport)
    },
    120_000,
  )

  it('is no page for support', async () => {
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.support)
    expect(await page.getByRole('link', { name: 'Reports' }).count()).toBe(0)
    await page.goto('/console/reports')
    await page.getByRole('heading', { level: 1, name: 'No such page' }).waitFor()
  })
})

describe.skipIf(!chromiumAvailable)('the programme’s reports on PostgreSQL, in German', () => {
  const portal = usePortal('postgres')

  it('reads numbers in the reader’s language', async () => {
    await march(portal())
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.admin)
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    await page.getByRole('link', { name: 'Berichte' }).click()
    await page.getByRole('heading', { level: 1, name: 'Berichte' }).waitFor()
    await page.goto(`/console/reports?report=pass-rates&${PERIOD}`)
    const percent = (share: number) =>
      new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 1 }).format(share)
    const rows = await tableRows(page)
    expect(rows).toHaveLength(1)
    expect(rows[0]!.replace(/\s+/g, ' ')).toContain(
      `3 2 ${percent(0.6667)} 2 1 ${percent(0.5)}`.replace(/\s+/g, ' '),
    )
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(
      'Bestehensquoten pro Prüfung',
    )
    expect(await page.getByRole('link', { name: 'CSV herunterladen' }).count()).toBe(1)
    await expectAccessible(page)
    await screenshot(page, 'console-reports-de', 'desktop')
  })
})
