import { describe, expect, it } from 'vitest'
import { createSlot } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  instant,
  registerCandidate,
  useApi,
} from './api-harness.js'
import { enrol, world } from './voucher-world.js'

const PUBLIC_URL = 'https://exams.example.org'

interface Mail {
  readonly kind: string
  readonly bodyText: string
  readonly bodyHtml: string
}

/** Every mail to the candidate, oldest first, composed as it is sent (through the admin's outbox view). */
async function mailTo(w: ApiWorld, candidateId: string): Promise<Mail[]> {
  const list = expectOk<{ items: { id: string }[] }>(
    await call(w, 'GET', `/v1/admin/mail?candidateId=${candidateId}`),
  )
  const mails = await Promise.all(
    list.items.map(async ({ id }) => expectOk<Mail>(await call(w, 'GET', `/v1/admin/mail/${id}`))),
  )
  return mails.reverse()
}

describe.each(testDatabases())('mail that leads back to its page on $name', ({ open }) => {
  const get = useApi(open, { demo: false, publicUrl: PUBLIC_URL })

  it("links a booking's confirmation, reschedule and cancellation to the registration's page under the public address", async () => {
    const { w, centre } = await world(get)
    const lea = await registerCandidate(w)
    const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
    const later = await createSlot(w.db, centre, instant('2026-10-08T09:00:00Z'))
    const { id } = expectOk<{ id: string }>(
      await book(w, { candidateId: lea, slotId: slot, payment: { method: 'card' } }, 'm1'),
      201,
    )
    expectOk(await call(w, 'POST', `/v1/registrations/${id}/reschedule`, { slotId: later }))
    expectOk(await call(w, 'POST', `/v1/registrations/${id}/cancel`, {}))

    const page = `${PUBLIC_URL}/registrations/${id}`
    const mails = await mailTo(w, lea)
    expect(mails.map((mail) => mail.kind)).toEqual([
      'registration-confirmed',
      'registration-rescheduled',
      'registration-cancelled',
    ])
    for (const mail of mails) {
      expect(mail.bodyText).toContain(page)
      expect(mail.bodyHtml).toContain(`<a href="${page}">${page}</a>`)
    }
    expect(mails[0]!.bodyText).toContain(`See it, reschedule or cancel it online: ${page}\n`)
    expect(mails[2]!.bodyText).toContain(`See it online: ${page}\n`)
  })

  it("links a code's mail to the candidate's codes, and never puts the code in the address", async () => {
    const { w } = await world(get)
    const lea = await registerCandidate(w)
    const code = await enrol(w, lea)
    // The mail as it goes out, code whole (the admin's view masks it).
    const sent = await w.db
      .selectFrom('outbox')
      .select(['body_text', 'body_html'])
      .where('kind', '=', 'voucher-issued')
      .where('candidate_id', '=', lea)
      .executeTakeFirstOrThrow()
    expect(sent.body_text).toContain(code)
    expect(sent.body_text).toContain(
      `Your codes online, with what each can still do: ${PUBLIC_URL}/codes\n`,
    )
    expect(sent.body_html).toContain(`<a href="${PUBLIC_URL}/codes">`)
    const addresses = sent.body_text.match(/https?:\/\/\S+/g) ?? []
    expect(addresses.length).toBeGreaterThan(0)
    for (const address of addresses) {
      expect(address).not.toContain(code)
      expect(address).not.toContain(code.slice(-4))
    }
  })
})
