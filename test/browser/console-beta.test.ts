import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { HOUR_MS } from '../../src/domain/instant.js'

const MINUTE_MS = HOUR_MS / 60

import { startOutboxWorker } from '../../src/jobs/outbox-worker.js'
import type { MailTransport } from '../../src/mail/mail-transport.js'
import { NOW } from '../api/api-harness.js'
import { preparedTokens } from '../support/databases.js'
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

/** The outbox worker's one pass over what is due, into a transport that takes every mail. */
async function deliverOutbox(portal: Portal): Promise<number> {
  const taken: string[] = []
  const transport: MailTransport = {
    name: 'test',
    deliver: async (message) => {
      taken.push(message.recipient)
    },
    close: async () => {},
  }
  const quiet = () => {}
  const worker = startOutboxWorker({
    db: portal.db,
    clock: portal.clock,
    transport,
    log: { info: quiet, warn: quiet, error: quiet },
    pollMs: 3_600_000,
  })
  try {
    while ((await worker.drain()) > 0) {}
  } finally {
    await worker.stop()
  }
  return taken.length
}

/** The card of wave `position` on the beta’s page, in English or German. */
function waveCard(page: Page, position: number): Locator {
  return page.getByRole('listitem').filter({
    has: page.getByRole('heading', { level: 3, name: new RegExp(`^(Wave|Welle) ${position}:`) }),
  })
}

/** A wave's live counts as the card shows them: `{ Invited: '1', Mailed: '0', … }`. */
async function countsOf(card: Locator): Promise<Record<string, string>> {
  const cells = await card.locator('dl.wave-counts > div').allInnerTexts()
  return Object.fromEntries(cells.map((cell) => cell.split('\n').map((part) => part.trim())))
}

/** Waits until the card's count `name` reads `value` (the page reads the counts again every few seconds). */
async function countReads(card: Locator, name: string, value: string): Promise<void> {
  await card
    .locator('dl.wave-counts > div')
    .filter({ hasText: name })
    .locator('dd', { hasText: new RegExp(`^${value}$`) })
    .waitFor()
}

async function compose(
  page: Page,
  wave: { name: string; audience: RegExp; candidates?: string; hours: string },
) {
  const form = page.getByRole('form', { name: 'Compose a wave' })
  await form.getByLabel('Name').fill(wave.name)
  // Pressed by its visible label, as a person does (the radio itself is visually hidden).
  await form
    .locator('label')
    .filter({ has: page.getByRole('radio', { name: wave.audience }) })
    .click()
  expect(await form.getByRole('radio', { name: wave.audience }).isChecked()).toBe(true)
  if (wave.candidates !== undefined)
    await form.getByLabel('Candidate ids, one per line').fill(wave.candidates)
  await form.getByLabel('Hours the previous wave must have been open first').fill(wave.hours)
  await form.getByRole('button', { name: 'Compose the wave' }).click()
}

/** Presses the trigger on the card, then the confirming answer of its question. */
async function confirm(page: Page, card: Locator, trigger: string, answer: string) {
  await card.getByRole('button', { name: trigger, exact: true }).click()
  const dialog = page.getByRole('alertdialog')
  await dialog.waitFor()
  await dialog.getByRole('button', { name: answer, exact: true }).click()
  await dialog.waitFor({ state: 'detached' })
}

describe.skipIf(!chromiumAvailable)('an admin runs a beta from the console, in Chromium', () => {
  const portal = usePortal()

  it.each(viewports)(
    'composes, checks, withdraws, opens, sends, pauses and resumes waves of 071-621 (%s)',
    async (viewport) => {
      const page = await portal().open({ viewport })
      await signIn(page, portal().db, DEMO_SIGN_IN.admin)
      await page.getByRole('link', { name: 'Betas', exact: true }).click()
      await page.getByRole('heading', { level: 1, name: 'Beta exams' }).waitFor()
      const list = page.getByRole('listitem').filter({ hasText: '071-621' })
      await list.getByText('0 taken, 250 left of 250').waitFor()
      const listed = await list.textContent()
      expect(listed).toContain('Beta of070-621')
      expect(listed).toContain('China (CN), Iran (IR)')
      expect(listed).toContain('Not released; due from')
      await expectAccessible(page)
      await screenshot(page, 'console-betas', viewport)

      await list.getByRole('link', { name: /^071-621/ }).click()
      await page.getByRole('heading', { level: 1, name: /^Beta 071-621/ }).waitFor()
      await page.getByText('No wave yet. Compose the first one below.').waitFor()

      // The README's own example: the retake audience is Lucas alone, who sat this very beta.
      await compose(page, { name: 'Retakes', audience: /^Retake/, hours: '0' })
      const retakes = waveCard(page, 1)
      await retakes.getByText('Self-check of wave 1').waitFor()
      const failed = await retakes.locator('.problem').textContent()
      expect(failed).toContain(
        'Failed: a trial registration of Lucas Oliveira (cand-lucas) (online, as a booking site) was refused.',
      )
      expect(failed).toContain('they took this very beta already, and a beta is taken once.')
      expect(failed).toContain('BETA_ALREADY_TAKEN')
      expect(await retakes.getByText('Draft', { exact: true }).count()).toBe(1)
      await expectAccessible(page)
      await screenshot(page, 'console-beta-check-failed', viewport)

      await compose(page, {
        name: 'First invitations',
        audience: /^A list of candidates/,
        candidates: 'cand-chloe',
        hours: '0',
      })
      const first = waveCard(page, 2)
      await first
        .getByText(
          'Passed: a trial registration of Chloe Nguyen (cand-chloe) with their own code booked at no charge, online and by phone, and was rolled back.',
        )
        .waitFor()
      // Held back by the draft before it, until that one is withdrawn.
      await first.getByText(/^It may not open yet/).waitFor()
      await confirm(page, retakes, 'Withdraw', 'Withdraw the wave')
      await retakes.getByText(/^Withdrawn .*: its codes no longer work/).waitFor()
      expect(await retakes.getByRole('button').count()).toBe(0)
      await first.getByText(/^May open from /).waitFor()

      await confirm(page, first, 'Open', 'Open the wave')
      await first.getByText('Open', { exact: true }).waitFor()
      expect(await countsOf(first)).toEqual({
        Invited: '1',
        Mailed: '0',
        Delivered: '0',
        Registered: '0',
        'Seats left': '250',
      })
      await first
        .getByText('No later wave is composed: nothing ends this wave’s priority yet.')
        .waitFor()

      await confirm(page, first, 'Send the invitations', 'Send')
      await first.getByText('1 invitation mail put in the outbox.').waitFor()
      await countReads(first, 'Mailed', '1')
      expect(await deliverOutbox(portal())).toBeGreaterThan(0)
      await countReads(first, 'Delivered', '1')

      // A later wave gives the open one a priority clock.
      await compose(page, {
        name: 'Everyone else',
        audience: /^A list of candidates/,
        candidates: 'cand-ana\ncand-ben',
        hours: '72',
      })
      const later = waveCard(page, 3)
      await later.getByText('Self-check of wave 3').waitFor()
      const until = first.getByText(/^Its invitees have priority until .*; wave 3 may open then\.$/)
      await until.waitFor()
      expect(await until.textContent()).toMatch(/Central European Summer Time/)
      await expectAccessible(page)
      await screenshot(page, 'console-beta-waves', viewport)

      // Twenty minutes later registration breaks: the wave is paused, and its clock with it.
      portal().clock.set(NOW + 20 * MINUTE_MS)
      await first.getByRole('button', { name: 'Pause', exact: true }).click()
      await first.getByText('Paused', { exact: true }).waitFor()
      await first
        .getByText('Paused: 71.7 h of its priority left; its clock runs again when it resumes.')
        .waitFor()
      await expectAccessible(page)
      await screenshot(page, 'console-beta-paused', viewport)
      const before = await until.count()
      expect(before).toBe(0)
      // Twenty minutes on it resumes after its self-check: its priority ends twenty minutes later than it would have.
      portal().clock.set(NOW + 40 * MINUTE_MS)
      await first.getByRole('button', { name: 'Resume', exact: true }).click()
      await first.getByText('Open', { exact: true }).waitFor()
      await until.waitFor()
      expect(await until.textContent()).toContain(
        new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/Berlin',
          weekday: 'short',
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          timeZoneName: 'long',
        }).format(new Date(NOW + 72 * HOUR_MS + 20 * MINUTE_MS)),
      )
    },
    // A whole beta's waves, one after the other, on a machine shared with other work.
    180_000,
  )
})

describe.skipIf(!chromiumAvailable)('a beta’s console page in German', () => {
  const portal = usePortal()

  it('says every part of the page in German, the self-check’s finding too', async () => {
    await asStaff(portal(), 'POST', '/v1/exams/71-621/beta-programme/waves', {
      name: 'Wiederholer',
      audience: 'retake',
      codeMode: 'single-use',
    })
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.admin, '/console/betas/071-621')
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
    await page.getByRole('heading', { level: 2, name: 'Einladungswellen' }).waitFor()
    const card = waveCard(page, 1)
    await card.getByRole('button', { name: 'Selbsttest ausführen' }).click()
    await card
      .getByText(
        'Nicht bestanden: eine Probeanmeldung von Lucas Oliveira (cand-lucas) (online, wie eine Buchungsseite) wurde abgelehnt.',
      )
      .waitFor()
    const text = await page.locator('main').textContent()
    for (const german of [
      'Programm',
      'Ergebnisse und Belohnungen',
      'Welle zusammenstellen',
      'Entwurf',
    ])
      expect(text).toContain(german)
    for (const english of ['Invited', 'Priority', 'Compose', 'Release the results', 'Self-check'])
      expect(text).not.toContain(english)
    await expectAccessible(page)
    await screenshot(page, 'console-beta-german', 'desktop')
  }, 120_000)
})

describe.skipIf(!chromiumAvailable)('a beta’s results and rewards, on PostgreSQL', () => {
  const portal = usePortal('postgres')

  it('releasing the results issues the rewards, and the counts say so; support reads the same page', async () => {
    // Lucas's beta result comes in and is withheld until the release date.
    const attempts = await asStaff<{ items: { id: string; exam: string }[] }>(
      portal(),
      'GET',
      '/v1/candidates/cand-lucas/attempts',
    )
    const attempt = attempts.items.find((item) => item.exam === '071-621')!
    const patched = await fetch(`${portal().url}/v1/attempts/${attempt.id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${preparedTokens().admin}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ outcome: 'pass' }),
    })
    expect(patched.status).toBe(200)
    const programme = await asStaff<{ resultsReleaseAt: string }>(
      portal(),
      'GET',
      '/v1/exams/71-621/beta-programme',
    )
    portal().clock.set(Date.parse(programme.resultsReleaseAt))

    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.admin, '/console/betas/071-621')
    // The roster takes ids and emails pasted one per line; an unknown one adds nobody.
    const roster = page.getByRole('form', { name: 'Add candidates to the roster' })
    const pasted = roster.getByLabel('Candidate ids or emails, one per line')
    await pasted.fill('cand-chloe\nnobody@example.com')
    await roster.getByRole('button', { name: 'Add to the roster' }).click()
    await roster.getByText('Nobody was added: no candidate has nobody@example.com.').waitFor()
    expect(await pasted.getAttribute('aria-invalid')).toBe('true')
    await expectAccessible(page)
    await pasted.fill('cand-chloe\nLUCAS.OLIVEIRA@example.com\n')
    await roster.getByRole('button', { name: 'Add to the roster' }).click()
    await roster.getByText('2 candidates added to the roster.').waitFor()
    const facts = page.getByRole('region', { name: 'Programme' })
    await facts.getByText('2 candidates', { exact: true }).waitFor()

    // Closed to anyone not on the roster, and offered in Iran again.
    const change = page.getByRole('form', { name: 'Change the programme' })
    await change.locator('label').filter({ hasText: 'Only candidates on its roster' }).click()
    await change.getByLabel(/^Not offered in/).fill('CN, x1')
    await change.getByRole('button', { name: 'Save the programme' }).click()
    await change.getByText('Not two-letter country codes: x1.').waitFor()
    await change.getByLabel(/^Not offered in/).fill('cn')
    await change.getByRole('button', { name: 'Save the programme' }).click()
    await change.getByText('The programme is saved.').waitFor()
    await facts.getByText('Only candidates on its roster').waitFor()
    expect(await facts.textContent()).toContain('Not offered inChina (CN)Waves')

    const results = page.getByRole('region', { name: 'Results and rewards' })
    await results.getByText(/^Results are withheld until /).waitFor()
    await page.getByRole('button', { name: 'Release the results' }).click()
    const dialog = page.getByRole('alertdialog')
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('each participant is issued one reward code')
    await expectAccessible(page)
    await dialog.getByRole('button', { name: 'Release and issue rewards' }).click()
    await results
      .getByText('1 result released (1 passed, 0 failed). 1 reward code issued.')
      .waitFor()
    await results.getByText(/^Results released .*1 reward code has been issued\.$/).waitFor()
    await facts.getByText(/^Released /).waitFor()
    expect(await facts.locator('dt:has-text("Reward codes issued") + dd').textContent()).toBe('1')
    expect(await page.getByRole('button', { name: 'Release the results' }).count()).toBe(0)
    await expectAccessible(page)
    await screenshot(page, 'console-beta-released', 'desktop')

    // Support reads the beta, and is offered nothing to change.
    const rosa = await portal().open({ viewport: 'phone' })
    await signIn(rosa, portal().db, DEMO_SIGN_IN.support, '/console/betas/071-621')
    await rosa.getByRole('heading', { level: 1, name: /^Beta 071-621/ }).waitFor()
    await rosa.getByText(/^Support reads a beta here/).waitFor()
    await rosa.getByText('No wave yet.', { exact: true }).waitFor()
    expect(await rosa.getByRole('form').count()).toBe(0)
    expect(await rosa.getByRole('button', { name: /Release|Compose|Open|Withdraw/ }).count()).toBe(
      0,
    )
    await expectAccessible(rosa)
    await screenshot(rosa, 'console-beta-support', 'phone')
  }, 180_000)
})
