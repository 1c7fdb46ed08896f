import type { Kysely } from 'kysely'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { DB } from '../../src/db/engine/schema.js'
import { markSent } from '../../src/db/mail/outbox.js'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { HOUR_MS } from '../../src/domain/instant.js'
import { ENROLMENT_DAY, enrolmentDay } from './enrolment-day.js'
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
const REASON = 'Chloe called: the code mail is not in her inbox or spam'

/** Chloe's Second Shot code, and the mail that carried it as the outbox worker left it: sent. */
async function codeMailed(
  portal: Portal,
): Promise<{ code: string; mailId: string; subject: string }> {
  const { code } = await enrolmentDay(portal)
  const mail = await portal.db
    .selectFrom('outbox')
    .select(['id', 'subject'])
    .where('candidate_id', '=', 'cand-chloe')
    .where('kind', '=', 'voucher-issued')
    .executeTakeFirstOrThrow()
  await markSent(portal.db, mail.id, ENROLMENT_DAY)
  return { code, mailId: mail.id, subject: mail.subject }
}

/** Rosa's way to Chloe's page: the search box, then her name in the list. */
async function openChloe(page: Page) {
  await page.getByLabel(/^Candidate id, email, name/).fill('chloe')
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await page.getByRole('link', { name: 'Chloe Nguyen' }).click()
  await page.getByRole('heading', { level: 1, name: 'Chloe Nguyen' }).waitFor()
}

/** A card of a section, found by its heading's words. */
function card(page: Page, section: string, heading: string | RegExp) {
  return page
    .getByRole('region', { name: section })
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { level: 3, name: heading }) })
}

async function outboxOf(db: Kysely<DB>, candidateId: string) {
  return db
    .selectFrom('outbox')
    .select(['id', 'status', 'dedupe_key', 'recipient'])
    .where('candidate_id', '=', candidateId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

describe.skipIf(!chromiumAvailable)('a candidate’s page in the console, in Chromium', () => {
  const portal = usePortal()

  it.each(viewports)(
    'answers “where is my reward code?” and sends it again (%s)',
    async (viewport) => {
      const { code, mailId, subject } = await codeMailed(portal())
      const page = await portal().open({ viewport })
      await signIn(page, portal().db, DEMO_SIGN_IN.support)
      await openChloe(page)
      expect(new URL(page.url()).pathname).toBe('/console/candidates/cand-chloe')
      await page
        .getByRole('region', { name: 'Mail sent to them' })
        .getByRole('article')
        .first()
        .waitFor()

      // Who she is, then her code and where it stands.
      const who = page.getByRole('region', { name: 'Who they are' })
      expect(await who.getByText('chloe.nguyen@example.com').count()).toBe(1)
      const held = card(page, 'Codes', code)
      expect(await held.count()).toBe(1)
      expect(await held.getByText('unused', { exact: true }).count()).toBe(1)
      expect(await held.textContent()).toContain('Second Shot')

      // The mail that carried it, and that it went out.
      const carried = card(page, 'Mail sent to them', subject)
      expect(await carried.count()).toBe(1)
      expect(await carried.getByText('Sent', { exact: true }).count()).toBe(1)
      expect(await carried.textContent()).toContain('chloe.nguyen@example.com')
      await expectAccessible(page)
      await screenshot(page, 'console-candidate', viewport)

      // Sent again, with a reason and how she asked.
      await carried.getByRole('button', { name: 'Send again' }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByLabel('Reason').fill(REASON)
      expect(await dialog.getByRole('radio', { name: 'By phone' }).isChecked()).toBe(true)
      await expectAccessible(page)
      await screenshot(page, 'console-candidate-resend', viewport)
      await dialog.getByRole('button', { name: 'Send it again' }).click()
      await dialog.waitFor({ state: 'detached' })

      // The copy waits in the outbox, to her address, and the page lists it.
      await card(page, 'Mail sent to them', subject)
        .getByText('Waiting to be sent', { exact: true })
        .waitFor()
      const outbox = await outboxOf(portal().db, 'cand-chloe')
      const copies = outbox.filter((mail) => mail.dedupe_key.startsWith(`mail-resent:${mailId}:`))
      expect(copies.map((mail) => [mail.status, mail.recipient])).toEqual([
        ['pending', 'chloe.nguyen@example.com'],
      ])

      // The timeline names Rosa, how and why.
      const timeline = page.getByRole('region', { name: 'What was done to their records' })
      const entry = timeline.getByRole('listitem').filter({ hasText: 'Mail sent again' })
      await entry.waitFor()
      expect(await entry.textContent()).toContain('Rosa Delgado')
      expect(await entry.textContent()).toContain('by phone')
      expect(await entry.textContent()).toContain(REASON)
      await expectAccessible(page)
    },
    120_000,
  )

  it.each(viewports)(
    'says of Ana by name, in English and German, when she may take an exam again (%s)',
    async (viewport) => {
      const page = await portal().open({ viewport })
      await signIn(page, portal().db, DEMO_SIGN_IN.support, '/console/candidates/cand-ana')
      const now = card(page, 'May they take it now?', '070-620')
      await now
        .getByText(
          'Ana may take the 3rd attempt at this exam from Sun, 28 Jun 2026, 14:30 New Zealand Standard Time. ' +
            'The waiting time between attempts is set by the General Microsoft Certification exam retake policy (2021 revision).',
        )
        .waitFor()
      // The exam page's own part, with its figures; nothing on it speaks to the agent as the
      // candidate (the times beside, on the agent's own clock, are the agent's).
      const said = (
        (await page.getByRole('region', { name: 'May they take it now?' }).textContent()) ?? ''
      ).replace(/\(your time: [^)]*\)/g, '')
      expect(said).toContain('Attempt')
      expect(said).not.toMatch(/\b(you|your)\b/i)
      await expectAccessible(page)
      await screenshot(page, 'console-candidate-eligibility', viewport)

      await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
      const jetzt = card(page, 'Dürfen sie jetzt antreten?', '070-620')
      await jetzt
        .getByText(
          /^Den 3\. Versuch dieser Prüfung kann Ana ab .+ ablegen\. Die Wartezeit zwischen Versuchen legt die Regel „.+“ fest\.$/,
        )
        .waitFor()
      const gesagt = (
        (await page.getByRole('region', { name: 'Dürfen sie jetzt antreten?' }).textContent()) ?? ''
      ).replace(/\(Ihre Zeit: [^)]*\)/g, '')
      expect(gesagt).not.toMatch(/\b(Sie|Ihr|Ihren|Ihres)\b/)
      await expectAccessible(page)
    },
    120_000,
  )

  it('says there is no such candidate for an id nobody has', async () => {
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.support, '/console/candidates/cand-nobody')
    await page.getByRole('heading', { level: 1, name: 'No such candidate' }).waitFor()
    expect(await page.getByRole('alert').textContent()).toContain('cand-nobody')
    await expectAccessible(page)
  }, 60_000)

  it('ends her sessions after a question', async () => {
    const page = await portal().open()
    await signIn(page, portal().db, DEMO_SIGN_IN.support, '/console/candidates/cand-chloe')
    await page.getByRole('button', { name: 'End all their sessions' }).click()
    const question = page.getByRole('alertdialog')
    await question.getByRole('button', { name: 'Sign them out everywhere' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /session/ })
      .waitFor()
    const audit = await portal()
      .db.selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('candidate_id', '=', 'cand-chloe')
      .where('action', '=', 'sessions-ended')
      .execute()
    expect(audit).toEqual([{ action: 'sessions-ended', actor_name: 'Rosa Delgado' }])
  }, 60_000)
})

describe.skipIf(!chromiumAvailable)('the mail queue on PostgreSQL, in Chromium', () => {
  const portal = usePortal('postgres')

  it.each(viewports)(
    'tries a failed mail again (%s)',
    async (viewport) => {
      const { mailId, subject } = await codeMailed(portal())
      // Delivery gave up on it, and it has waited three hours since it was written.
      await portal()
        .db.updateTable('outbox')
        .set({ status: 'failed', sent_at: null, tries: 10, last_error: '451 relay unavailable' })
        .where('id', '=', mailId)
        .execute()
      portal().clock.set(ENROLMENT_DAY + 3 * HOUR_MS)
      const page = await portal().open({ viewport })
      await signIn(page, portal().db, DEMO_SIGN_IN.support)
      await page.getByRole('link', { name: 'Mail queue' }).click()
      await page.getByRole('heading', { level: 1, name: 'Mail queue' }).waitFor()
      const failed = card(page, 'One mail', subject)
      await failed.waitFor()
      expect(await failed.getByText('Failed', { exact: true }).count()).toBe(1)
      expect(await failed.textContent()).toContain('written 3 h 0 min ago')
      expect(await failed.textContent()).toContain('451 relay unavailable')
      await expectAccessible(page)
      await screenshot(page, 'console-mail-queue', viewport)

      await failed.getByRole('button', { name: 'Try again' }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByLabel('Reason').fill('The relay is back')
      await expectAccessible(page)
      await dialog.getByRole('button', { name: 'Try it again' }).click()
      await dialog.waitFor({ state: 'detached' })

      // Back to be sent, tried afresh; still listed, as it has waited long, but no longer failed.
      await failed.getByText('Waiting to be sent', { exact: true }).waitFor()
      expect(await failed.getByRole('button', { name: 'Try again' }).count()).toBe(0)
      const row = await portal()
        .db.selectFrom('outbox')
        .select(['status', 'tries'])
        .where('id', '=', mailId)
        .executeTakeFirstOrThrow()
      expect([row.status, Number(row.tries)]).toEqual(['pending', 0])
      const audit = await portal()
        .db.selectFrom('audit_log')
        .select(['action', 'actor_name', 'reason'])
        .where('subject_id', '=', mailId)
        .execute()
      expect(audit).toEqual([
        { action: 'mail-retried', actor_name: 'Rosa Delgado', reason: 'The relay is back' },
      ])
      await expectAccessible(page)
    },
    120_000,
  )
})
