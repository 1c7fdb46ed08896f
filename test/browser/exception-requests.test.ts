import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
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

const SYDNEY = '-33.87,151.21'
const AUCKLAND = '-36.85,174.76'
const HOUR = 3_600_000

interface Slot {
  id: string
  startsAt: string
  deadlinesPassed: string[]
}

interface RequestOut {
  id: string
  status: string
}

/**
 * A sitting that went wrong, set up as the provider's system would report
 * it: a paid booking of the nearest seat, the clock moved past its start,
 * the candidate checked in, and a failed result reported.
 */
async function takenBooking(
  portal: Portal,
  candidateId: string,
  exam: string,
  near: string,
): Promise<{ registrationId: string; startsAt: string }> {
  const slots = await asStaff<{ items: Slot[] }>(
    portal,
    'GET',
    `/v1/slots?exam=${exam}&near=${near}&limit=50`,
  )
  const slot = slots.items.find((candidate) => candidate.deadlinesPassed.length === 0)
  if (slot === undefined) throw new Error(`no seat for ${exam} near ${near}`)
  const booked = await asStaff<{ id: string }>(portal, 'POST', '/v1/registrations', {
    candidateId,
    exam,
    slotId: slot.id,
    payment: { method: 'card' },
  })
  portal.clock.set(instant(slot.startsAt) + 2 * HOUR)
  await asStaff(portal, 'POST', `/v1/registrations/${booked.id}/check-in`)
  await asStaff(portal, 'POST', `/v1/registrations/${booked.id}/result`, { outcome: 'fail' })
  return { registrationId: booked.id, startsAt: slot.startsAt }
}

/** Picks a choice by pressing its visible label, as a person does (the radio itself is visually hidden). */
async function choose(page: Page, name: RegExp): Promise<void> {
  await page
    .locator('label')
    .filter({ has: page.getByRole('radio', { name }) })
    .click()
  expect(await page.getByRole('radio', { name }).isChecked()).toBe(true)
}

/** The form for Chloe's sitting that went wrong, reached from its booking's page. */
async function formFromBooking(portal: Portal): Promise<{ page: Page; registrationId: string }> {
  const { registrationId } = await takenBooking(portal, 'cand-chloe', '070-622', SYDNEY)
  const page = await portal.open()
  await signIn(page, portal.db, DEMO_SIGN_IN.candidate, `/registrations/${registrationId}`)
  await page.getByRole('link', { name: /Ask for an exception/ }).click()
  await page.waitForURL(`**/exception-requests/new?registration=${registrationId}`)
  await page.getByRole('heading', { level: 1, name: 'Ask for a retake exception' }).waitFor()
  return { page, registrationId }
}

/** Chloe's request as support files it when she calls. */
function chloesRequest(registrationId: string) {
  return {
    firstName: 'Chloe',
    lastName: 'Nguyen',
    candidateId: 'cand-chloe',
    email: DEMO_SIGN_IN.candidate,
    registrationId,
    exam: '070-622',
    description: 'The exam software closed itself twice in the first hour.',
    providerCaseNumber: 'PV-2026-000002',
    reason: 'lab-crash',
    channel: 'phone',
    onBehalfReason: 'The candidate called after the sitting',
  }
}

/** The ids the page's error summary links to, in its order. */
async function summaryTargets(page: Page): Promise<string[]> {
  return page
    .getByRole('alert')
    .filter({ hasText: 'There is a problem' })
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
}

async function requestsOf(portal: Portal, candidateId: string) {
  return asStaff<{ items: RequestOut[]; total: number }>(
    portal,
    'GET',
    `/v1/candidates/${candidateId}/exception-requests`,
  )
}

describe.skipIf(!chromiumAvailable)('asking for a retake exception, in Chromium', () => {
  const portal = usePortal()

  it('from a taken booking the form comes filled in; a refusal lists every problem at once, at the top and at each field', async () => {
    const { page, registrationId } = await formFromBooking(portal())
    // Six of the fields come from the candidate record and the booking.
    const known = page.getByRole('region', { name: 'What examdesk already knows' })
    for (const value of [
      'Chloe',
      'Nguyen',
      'cand-chloe',
      DEMO_SIGN_IN.candidate,
      registrationId,
      '070-622',
    ]) {
      expect(await known.textContent()).toContain(value)
    }
    // What is never a reason is said before anyone tries.
    expect(await page.getByRole('complementary').textContent()).toContain(
      'Lack of preparation, knowledge, skill or ability is never a reason',
    )
    await expectAccessible(page)

    await page.getByLabel('Describe what happened').fill('It froze.')
    await page.getByLabel('The provider’s case number').fill('PRM 2026')
    await page.getByRole('button', { name: 'Send my request' }).click()
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' })
    await summary.waitFor()
    expect(await summaryTargets(page)).toEqual(['#description', '#providerCaseNumber', '#reason'])
    expect(await summary.textContent()).toContain('Fix these 3 things')
    // The summary has the focus; each field is marked invalid and described by its problem.
    expect(await focusedId(page)).toBe('error-summary')
    const description = page.getByLabel('Describe what happened')
    expect(await description.getAttribute('aria-invalid')).toBe('true')
    expect(await describedText(description)).toContain('in at least 20 characters')
    const caseNumber = page.getByLabel('The provider’s case number')
    expect(await caseNumber.getAttribute('aria-invalid')).toBe('true')
    expect(await describedText(caseNumber)).toContain('without spaces')
    expect(await page.getByRole('radiogroup').textContent()).toContain(
      'Choose which kind of problem it was.',
    )
    await expectAccessible(page)
    await screenshot(page, 'exception-request-refused', 'desktop')
    expect((await requestsOf(portal(), 'cand-chloe')).total).toBe(0)

    // A link of the summary takes the keyboard to its field.
    await summary.getByRole('link', { name: /Describe what happened/ }).click()
    expect(await focusedId(page)).toBe(await description.getAttribute('id'))
  })

  it('a double press files one request, and its page follows support’s review', async () => {
    const { page } = await formFromBooking(portal())
    await page
      .getByLabel('Describe what happened')
      .fill(
        'The workstation froze 40 minutes in; the proctor restarted it twice, then ended the exam.',
      )
    await page.getByLabel('The provider’s case number').fill('PV-2026-118204')
    await choose(page, /The lab crashed/)
    await page.getByRole('button', { name: 'Send my request' }).dblclick()
    await page.waitForURL(/\/exception-requests\/(?!new)[^/]+$/)
    await page.getByText('Your request was received.').waitFor()
    const requests = await requestsOf(portal(), 'cand-chloe')
    expect(requests.total).toBe(1)
    const requestId = requests.items[0]!.id
    expect(page.url()).toContain(`/exception-requests/${requestId}`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      `Exception request ${requestId}`,
    )
    expect(await page.getByText('Waiting for review').count()).toBeGreaterThan(0)
    await expectAccessible(page)
    await screenshot(page, 'exception-request-open', 'desktop')

    // Support approves it through the API: the page says what it lifts and that it is there to use.
    await asStaff(portal(), 'POST', `/v1/exception-requests/${requestId}/approve`, {
      note: 'The centre confirmed the crash under case PV-2026-118204.',
      waivesWait: true,
      waivesLimit: false,
    })
    await page.reload()
    const decision = page.getByRole('region', { name: 'The decision' })
    await decision.getByText('Approved', { exact: true }).waitFor()
    const said = await decision.textContent()
    expect(said).toContain('The centre confirmed the crash under case PV-2026-118204.')
    expect(said).toContain('It lifts the waiting time before your next attempt at 070-622')
    expect(said).toContain('The limit on attempts in twelve months still applies.')
    expect(said).toContain('Not used yet.')
    const findSeat = decision.getByRole('link', { name: 'Find a seat for 070-622' })
    expect(await findSeat.getAttribute('href')).toBe('/seats?exam=070-622')
    await expectAccessible(page)
    await screenshot(page, 'exception-request-approved', 'desktop')
  })

  it('on a phone, from home: the sitting is chosen, then the request filed', async () => {
    const { registrationId } = await takenBooking(portal(), 'cand-chloe', '070-622', SYDNEY)
    const page = await portal().open({ viewport: 'phone' })
    await signIn(page, portal().db, DEMO_SIGN_IN.candidate)
    await page.getByRole('link', { name: /Ask for a retake exception/ }).click()
    await page.getByRole('heading', { name: 'Which sitting went wrong?' }).waitFor()
    await expectAccessible(page)
    await screenshot(page, 'exception-request-choose', 'phone')
    await page.getByRole('link', { name: /070-622/ }).click()
    await page.waitForURL(`**/exception-requests/new?registration=${registrationId}`)
    await choose(page, /The internet connection failed/)
    await page
      .getByLabel('Describe what happened')
      .fill('The connection to the exam dropped twice and the session could not be resumed.')
    await page.getByLabel('The provider’s case number').fill('PRM-2026-004417')
    await expectAccessible(page)
    await screenshot(page, 'exception-request-new', 'phone')
    await page.getByRole('button', { name: 'Send my request' }).click()
    await page.getByText('Your request was received.').waitFor()
    await screenshot(page, 'exception-request-open', 'phone')
  })

  it('an approval’s waiver held by a new booking is said with that booking', async () => {
    const { registrationId, startsAt } = await takenBooking(
      portal(),
      'cand-chloe',
      '070-622',
      SYDNEY,
    )
    const request = await asStaff<RequestOut>(portal(), 'POST', '/v1/exception-requests', {
      ...chloesRequest(registrationId),
      reason: 'connectivity',
    })
    await asStaff(portal(), 'POST', `/v1/exception-requests/${request.id}/approve`, {
      note: 'Approved: the provider confirmed the outage.',
      waivesWait: true,
      waivesLimit: true,
    })
    // Support books the retake inside the 24 hours after the failure: only the waiver allows it.
    const waitEnds = Date.parse(startsAt) + 24 * HOUR
    const slots = await asStaff<{ items: Slot[] }>(
      portal(),
      'GET',
      `/v1/slots?exam=070-622&near=${SYDNEY}&limit=200`,
    )
    const now = portal().clock.now()
    const early = slots.items.find(
      (slot) => Date.parse(slot.startsAt) > now && Date.parse(slot.startsAt) < waitEnds,
    )
    if (early === undefined) throw new Error('no seat inside the waiting time')
    const retake = await asStaff<{ id: string; waiverId: string | null }>(
      portal(),
      'POST',
      '/v1/registrations',
      {
        candidateId: 'cand-chloe',
        exam: '070-622',
        slotId: early.id,
        payment: { method: 'card' },
        acknowledgeDeadlines: true,
      },
    )
    expect(retake.waiverId).not.toBeNull()

    const page = await portal().open({ viewport: 'phone' })
    await signIn(page, portal().db, DEMO_SIGN_IN.candidate, `/exception-requests/${request.id}`)
    const decision = page.getByRole('region', { name: 'The decision' })
    await decision.getByText('Approved', { exact: true }).waitFor()
    expect(await decision.textContent()).toContain(
      'It lifts both the waiting time and the limit on attempts in twelve months, for one attempt',
    )
    expect(await decision.textContent()).toContain('that booking relies on it')
    expect(await decision.getByRole('link', { name: retake.id }).getAttribute('href')).toBe(
      `/registrations/${retake.id}`,
    )
    await expectAccessible(page)
    await screenshot(page, 'exception-request-approved', 'phone')
  })

  it('a request for a sitting already asked about names the standing one; another candidate’s request answers like a missing one', async () => {
    const kenji = await takenBooking(portal(), 'cand-kenji', '070-620', AUCKLAND)
    const profile = await asStaff<{ firstName: string; lastName: string; email: string }>(
      portal(),
      'GET',
      '/v1/candidates/cand-kenji',
    )
    const theirs = await asStaff<RequestOut>(portal(), 'POST', '/v1/exception-requests', {
      firstName: profile.firstName,
      lastName: profile.lastName,
      candidateId: 'cand-kenji',
      email: profile.email,
      registrationId: kenji.registrationId,
      exam: '070-620',
      description: 'The centre lost power halfway through the exam.',
      providerCaseNumber: 'PRM-2026-000001',
      reason: 'equipment-failure',
      channel: 'phone',
      onBehalfReason: 'The candidate called after the sitting',
    })
    const { registrationId } = await takenBooking(portal(), 'cand-chloe', '070-622', SYDNEY)
    const mine = await asStaff<RequestOut>(
      portal(),
      'POST',
      '/v1/exception-requests',
      chloesRequest(registrationId),
    )

    const page = await portal().open()
    await signIn(
      page,
      portal().db,
      DEMO_SIGN_IN.candidate,
      `/exception-requests/new?registration=${registrationId}`,
    )
    await choose(page, /Equipment failed/)
    await page
      .getByLabel('Describe what happened')
      .fill('The keyboard stopped answering and was not replaced.')
    await page.getByLabel('The provider’s case number').fill('PV-2026-000003')
    await page.getByRole('button', { name: 'Send my request' }).click()
    const refusal = page.getByRole('alert').filter({ hasText: 'already' })
    await refusal.waitFor()
    await refusal.getByRole('link', { name: 'See that request' }).click()

    await page.waitForURL(`**/exception-requests/${mine.id}`)
    await page
      .getByText(/Filed for you by .*, by phone/)
      .first()
      .waitFor()

    await page.goto(`/exception-requests/${theirs.id}`)
    await page.getByText('There is no such exception request on your account.').waitFor()
    await page.goto('/exception-requests/NOPE-NOPE-NOPE')
    await page.getByText('There is no such exception request on your account.').waitFor()
    await page.goto(`/exception-requests/new?registration=${kenji.registrationId}`)
    await page.getByText('There is no such booking on your account.').waitFor()
    await page.getByRole('heading', { name: 'Which sitting went wrong?' }).waitFor()
    await expectAccessible(page)
  })
})

/** The text of everything that describes a field (its help and its problem), as a screen reader reads it. */
async function describedText(field: Locator): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby'))?.split(/\s+/) ?? []
  const texts = await Promise.all(
    ids.map((id) => field.page().locator(`[id="${id}"]`).textContent()),
  )
  return texts.join(' ')
}

/** The id of the element that has the keyboard's focus. */
function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate('document.activeElement?.id')
}
