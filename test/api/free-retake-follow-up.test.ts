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

/** The seed: "after your first registration you will receive an e-mail that should explain how to set up a second shot on additional exams". */
describe.each(testDatabases())(
  'the mail after a first registration with a free-retake code on $name',
  ({ open }) => {
    const get = useApi(open, { demo: false })

    const followUps = (w: ApiWorld) =>
      w.db
        .selectFrom('outbox')
        .select(['dedupe_key', 'recipient', 'subject', 'body_text'])
        .where('kind', '=', 'free-retake-more-exams')
        .execute()

    it('comes once the registration is paid, and only once per candidate and offer', async () => {
      const { w, centre } = await world(get)
      const lea = await registerCandidate(w)
      const code = await enrol(w, lea)
      const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
      const registration = expectOk<{ id: string }>(
        await book(w, { candidateId: lea, slotId: slot, voucherCode: code }, 'r1'),
        201,
      )
      // Not confirmed until paid: nothing follows yet.
      expect(await followUps(w)).toEqual([])
      expectOk(
        await call(
          w,
          'POST',
          `/v1/registrations/${registration.id}/payment`,
          { method: 'card', currency: 'USD', cents: 16_500 },
          'provider',
        ),
      )
      const [mail, ...more] = await followUps(w)
      expect(more).toEqual([])
      expect(mail).toMatchObject({
        dedupe_key: `free-retake-more-exams:${lea}:second-shot`,
        recipient: 'lea.martin@example.fr',
        subject: 'Second Shot 2026: a free retake on more exams',
      })
      expect(mail!.body_text).toContain(
        `uses your Second Shot 2026 code ${code}: if this attempt fails, the same code books one free retake of 070-620.`,
      )
      expect(mail!.body_text).toMatch(
        /enrol in Second Shot 2026 again before .+2027.+: each enrolment sends you a new code for one more exam\./,
      )

      // A second code, on a second registration: the candidate knows already.
      expectOk(await call(w, 'POST', `/v1/registrations/${registration.id}/cancel`, {}, 'provider'))
      const another = await enrol(w, lea)
      const later = await createSlot(w.db, centre, instant('2026-10-08T09:00:00Z'))
      expectOk(
        await book(
          w,
          { candidateId: lea, slotId: later, voucherCode: another, payment: { method: 'card' } },
          'r2',
        ),
        201,
      )
      expect(await followUps(w)).toHaveLength(1)
    })

    it('does not come for a registration without a free-retake code', async () => {
      const { w, centre } = await world(get)
      const lea = await registerCandidate(w)
      const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
      expectOk(
        await book(w, { candidateId: lea, slotId: slot, payment: { method: 'card' } }, 'r1'),
        201,
      )
      expect(await followUps(w)).toEqual([])
    })
  },
)
