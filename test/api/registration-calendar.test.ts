import type { LightMyRequestResponse } from 'fastify'
import { describe, expect, it } from 'vitest'
import { createSlot } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import type { PreparedCaller } from '../support/prepared-databases.js'
import {
  type CalendarComponent,
  child,
  instantOf,
  property,
  readCalendar,
} from '../support/read-calendar.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  expectProblem,
  instant,
  registerCandidate,
  useApi,
} from './api-harness.js'
import { world } from './voucher-world.js'

const PUBLIC_URL = 'https://exams.example.org'
/** Thursday 1 October 2026, 22:00 at the centre in Auckland; 11:00 for the candidate in Paris. */
const STARTS = instant('2026-10-01T09:00:00Z')

interface Attachment {
  readonly filename: string
  readonly contentType: string
  readonly content: string
}

/** The calendar file of the candidate's mail of this kind, as it is sent (through the admin's outbox view). */
async function mailedCalendar(w: ApiWorld, candidateId: string, kind: string) {
  const list = expectOk<{ items: { id: string; kind: string }[] }>(
    await call(w, 'GET', `/v1/admin/mail?candidateId=${candidateId}`),
  )
  const found = list.items.filter((mail) => mail.kind === kind)
  expect(found, kind).toHaveLength(1)
  const mail = expectOk<{ attachments: Attachment[] }>(
    await call(w, 'GET', `/v1/admin/mail/${found[0]!.id}`),
  )
  expect(mail.attachments).toHaveLength(1)
  return mail.attachments[0]!
}

function calendarOf(w: ApiWorld, registrationId: string, role: PreparedCaller = 'admin') {
  return call(w, 'GET', `/v1/registrations/${registrationId}/calendar`, undefined, role)
}

/** The calendar file of an answer, after checking it is one, to be saved. */
function fileOf(response: LightMyRequestResponse): { filename: string; content: string } {
  if (response.statusCode !== 200)
    throw new Error(`expected 200, got ${response.statusCode}: ${response.body}`)
  expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8')
  const disposition = String(response.headers['content-disposition'])
  const filename = /^attachment; filename="([^"]+)"$/.exec(disposition)?.[1]
  expect(filename, disposition).toBeDefined()
  return { filename: filename!, content: response.body }
}

/** An iCalendar TEXT value as a person reads it (RFC 5545 §3.3.11: its escapes undone). */
function textOf(value: string): string {
  return value.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
}

function eventOf(calendar: CalendarComponent): CalendarComponent {
  return child(calendar, 'VEVENT')
}

/** What a calendar program keys and places an entry by. */
function placing(content: string) {
  const calendar = readCalendar(content)
  const event = eventOf(calendar)
  return {
    method: property(calendar, 'METHOD').value,
    uid: property(event, 'UID').value,
    sequence: property(event, 'SEQUENCE').value,
    start: property(event, 'DTSTART'),
    startsAt: instantOf(calendar, property(event, 'DTSTART')),
    location: property(event, 'LOCATION').value,
    summary: property(event, 'SUMMARY').value,
    status: property(event, 'STATUS').value,
  }
}

describe.each(testDatabases())("a registration's calendar file on $name", ({ open }) => {
  const get = useApi(open, { demo: false, publicUrl: PUBLIC_URL })

  async function booked(paid = true) {
    const { w, centre } = await world(get)
    const lea = await registerCandidate(w)
    const slot = await createSlot(w.db, centre, STARTS)
    const later = await createSlot(w.db, centre, STARTS + 7 * 86_400_000)
    const body = {
      candidateId: lea,
      slotId: slot,
      ...(paid ? { payment: { method: 'card' } } : {}),
    }
    const { id } = expectOk<{ id: string }>(await book(w, body, 'cal-1'), 201)
    return { w, lea, id, later, centre }
  }

  it("is the confirmation mail's file: the same entry, on the centre's clock, at the place, with the deadlines and the page", async () => {
    const { w, lea, id } = await booked()
    const mailed = await mailedCalendar(w, lea, 'registration-confirmed')
    const answered = fileOf(await calendarOf(w, id))

    expect(answered.filename).toBe('examdesk-070-620-2026-10-01.ics')
    expect(mailed.filename).toBe(answered.filename)
    const fromMail = placing(mailed.content)
    const fromApi = placing(answered.content)
    expect(fromApi).toEqual(fromMail)
    expect(fromApi).toMatchObject({ method: 'REQUEST', uid: `${id}@examdesk`, sequence: '1' })
    expect(fromApi.start.params).toEqual({ TZID: 'Pacific/Auckland' })
    expect(fromApi.start.value).toBe('20261001T220000')
    expect(fromApi.startsAt).toBe(STARTS)
    expect(fromApi.summary).toBe('Exam 070-620 TS: Windows Vista')
    expect(textOf(fromApi.location)).toBe('Test Centre\n1 Queen Street\nAuckland\nNew Zealand')
    // Asked at the instant the mail was written, the whole file is the mail's.
    expect(answered.content).toBe(mailed.content)

    const event = eventOf(readCalendar(answered.content))
    const description = textOf(property(event, 'DESCRIPTION').value)
    expect(description).toContain(`Registration ${id} with Prometric.`)
    expect(description).toMatch(
      /Reschedule until Wednesday 30 September 2026, 11:00 \(Europe\/Paris/,
    )
    expect(description).toMatch(/Cancel until Wednesday 30 September 2026, 11:00 \(Europe\/Paris/)
    expect(description).toContain(`See it online: ${PUBLIC_URL}/registrations/${id}`)
    expect(property(event, 'URL').value).toBe(`${PUBLIC_URL}/registrations/${id}`)
  })

  it('says the deadlines as they stand when it is asked for, the entry unchanged', async () => {
    const { w, lea, id } = await booked()
    const mailed = placing((await mailedCalendar(w, lea, 'registration-confirmed')).content)
    w.clock.set(STARTS - 3_600_000)
    const late = fileOf(await calendarOf(w, id)).content
    expect(placing(late)).toEqual(mailed)
    expect(textOf(property(eventOf(readCalendar(late)), 'DESCRIPTION').value)).toMatch(
      /Reschedule: no longer possible \(it closed Wednesday 30 September 2026, 11:00/,
    )
  })

  it("follows a reschedule, as the reschedule mail's file does", async () => {
    const { w, lea, id, later } = await booked()
    expectOk(await call(w, 'POST', `/v1/registrations/${id}/reschedule`, { slotId: later }))
    const mailed = await mailedCalendar(w, lea, 'registration-rescheduled')
    const answered = fileOf(await calendarOf(w, id))
    expect(placing(answered.content)).toEqual(placing(mailed.content))
    expect(placing(answered.content)).toMatchObject({ sequence: '2', method: 'REQUEST' })
    expect(answered.filename).toBe('examdesk-070-620-2026-10-08.ics')
  })

  it("cancels the entry once the registration is cancelled, as the cancellation mail's file does", async () => {
    const { w, lea, id } = await booked()
    expectOk(await call(w, 'POST', `/v1/registrations/${id}/cancel`, {}))
    const mailed = await mailedCalendar(w, lea, 'registration-cancelled')
    const answered = fileOf(await calendarOf(w, id))
    expect(placing(answered.content)).toEqual(placing(mailed.content))
    expect(placing(answered.content)).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      uid: `${id}@examdesk`,
      sequence: '2',
    })
    expect(answered.content).toBe(mailed.content)
  })

  it('is not there for a booking waiting for payment, and is once it is paid', async () => {
    const { w, id } = await booked(false)
    const problem = expectProblem(await calendarOf(w, id), 409, 'REGISTRATION_NOT_CONFIRMED', 'id')
    expect(problem.detail).toContain('waits for payment')
    expectOk(
      await call(
        w,
        'POST',
        `/v1/registrations/${id}/payment`,
        { method: 'card', currency: 'USD', cents: 16_500 },
        'provider',
      ),
    )
    expect(placing(fileOf(await calendarOf(w, id)).content).method).toBe('REQUEST')
  })

  it("leaves the candidate's address out of a provider's file, and answers another's as a missing one", async () => {
    const { w, id } = await booked()
    const staff = readCalendar(fileOf(await calendarOf(w, id, 'support')).content)
    expect(property(eventOf(staff), 'ATTENDEE').value).toBe('MAILTO:lea.martin@example.fr')
    const ownProvider = fileOf(await calendarOf(w, id, 'provider')).content
    expect(ownProvider).not.toContain('lea.martin@example.fr')
    expect(eventOf(readCalendar(ownProvider)).properties.map((p) => p.name)).not.toContain(
      'ATTENDEE',
    )
    expect(placing(ownProvider)).toEqual(
      placing(fileOf(await calendarOf(w, id, 'support')).content),
    )

    const other = await calendarOf(w, id, 'otherProvider')
    const missing = await calendarOf(w, 'ZZZZ-ZZZZ-ZZZZ', 'otherProvider')
    expectProblem(other, 404, 'REGISTRATION_NOT_FOUND', 'id')
    expect({ ...other.json(), requestId: null, detail: null, registrationId: null }).toEqual({
      ...missing.json(),
      requestId: null,
      detail: null,
      registrationId: null,
    })
  })
})
