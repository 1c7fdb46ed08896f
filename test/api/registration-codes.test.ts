import { describe, expect, it } from 'vitest'
import { newVoucher } from '../../src/app/vouchers/new-voucher.js'
import { insertVoucher } from '../../src/db/vouchers/vouchers.js'
import { BETA_REWARD, STUDY_BOOK_DISCOUNT } from '../../src/demo/demo-offers.js'
import { maskCode } from '../../src/domain/code-mask.js'
import type { OfferVersion } from '../../src/domain/offer.js'
import { formatVoucherCode } from '../../src/domain/voucher-code.js'
import { formatMailTime } from '../../src/mail/format-mail-time.js'
import { createSlot } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import {
  type ApiWorld,
  book,
  call,
  expectOk,
  expectProblem,
  instant,
  registerCandidate,
  reportResult,
  useApi,
} from './api-harness.js'
import { ENROLMENT_DAY, enrol, guessedCode, world } from './voucher-world.js'

interface Registration {
  id: string
  status: string
  paymentStatus: string
  holdExpiresAt: string | null
  price: {
    listCents: number
    dueCents: number
    lines: { code: string; label: string; cents: number }[]
  } | null
  bookedBy: { role: string; channel: string; at: string }
  payment: { method: string; cents: number; paidBy: { role: string; channel: string } } | null
}
interface Preview {
  accepted: boolean
  refusal: { code: string; reason: string } | null
  does: string | null
  keeps: string[]
  loses: string[]
  requiresAcknowledgement: boolean
  price: Registration['price']
}

const MINUTE = 60_000

/** A code of `offer` nobody holds yet (as printed in a study book, say). */
async function issue(w: ApiWorld, offer: OfferVersion, candidateId: string | null = null) {
  const voucher = newVoucher(offer, { candidateId, issuedBy: 'test' }, w.clock.now())
  await insertVoucher(w.db, voucher)
  return formatVoucherCode(voucher.code)
}

const applyCode = (
  w: ApiWorld,
  id: string,
  body: Record<string, unknown>,
  key?: string,
  role: 'provider' | 'support' = 'provider',
) =>
  call(
    w,
    'POST',
    `/v1/registrations/${id}/codes`,
    body,
    role,
    key === undefined ? {} : { 'idempotency-key': key },
  )

const previewCode = (w: ApiWorld, id: string, code: string) =>
  call(
    w,
    'GET',
    `/v1/registrations/${id}/codes/${encodeURIComponent(code)}/preview`,
    undefined,
    'provider',
  )

const readRegistration = async (w: ApiWorld, id: string) =>
  expectOk<{
    registration: Registration
    history: { action: string; detail: Record<string, unknown> }[]
  }>(await call(w, 'GET', `/v1/registrations/${id}`))

describe.each(testDatabases())(
  'codes applied to a registration that exists, on $name',
  ({ open }) => {
    const get = useApi(open, { demo: false })

    it('takes a free-retake code on a booking made before it, after a preview, and the code then books the free retake', async () => {
      const { w, centre } = await world(get)
      const lea = await registerCandidate(w)
      const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
      // Booked first, by phone, without a code: the seed's candidate was told to cancel and book again.
      const booked = expectOk<Registration>(
        await book(
          w,
          { candidateId: lea, slotId: slot, channel: 'phone', onBehalfReason: 'On a call' },
          'b1',
          'support',
        ),
        201,
      )
      expect(booked).toMatchObject({ paymentStatus: 'due', price: { dueCents: 16_500, lines: [] } })
      const code = await enrol(w, lea)

      const seen = expectOk<Preview>(await previewCode(w, booked.id, code.toLowerCase()))
      expect(seen).toMatchObject({ accepted: true, refusal: null, requiresAcknowledgement: false })
      expect(seen.keeps.join(' ')).toContain('free retake of 070-620')
      // The provider's booking site sees the code it was given masked.
      expect(seen.price).toMatchObject({
        dueCents: 16_500,
        lines: [{ code: maskCode(code), cents: 0 }],
      })
      // A preview changes nothing.
      expect((await readRegistration(w, booked.id)).registration.price?.lines).toEqual([])

      const applied = await applyCode(w, booked.id, { voucherCode: code }, 'apply-1')
      const withCode = expectOk<Registration>(applied)
      expect(withCode).toMatchObject({
        paymentStatus: 'due',
        price: { listCents: 16_500, dueCents: 16_500, lines: [{ code: maskCode(code), cents: 0 }] },
      })
      // A retry of the same request answers the same and takes nothing more.
      const again = await applyCode(w, booked.id, { voucherCode: code }, 'apply-1')
      expect(again.headers['idempotent-replayed']).toBe('true')
      expect(expectOk<Registration>(again)).toEqual(withCode)
      const uses = await w.db.selectFrom('voucher_uses').select('kind').execute()
      expect(uses).toEqual([{ kind: 'first-attempt' }])
      const { history } = await readRegistration(w, booked.id)
      expect(history.map((entry) => entry.action)).toEqual(['registered', 'codes-applied'])

      expectOk(
        await call(
          w,
          'POST',
          `/v1/registrations/${booked.id}/payment`,
          { method: 'card', currency: 'USD', cents: 16_500 },
          'provider',
        ),
      )
      w.clock.set(instant('2026-10-01T12:00:00Z'))
      expectOk(await reportResult(w, booked.id, 'fail'))
      const retakeSlot = await createSlot(w.db, centre, instant('2026-10-20T09:00:00Z'))
      const retake = expectOk<Registration>(
        await book(w, { candidateId: lea, slotId: retakeSlot, voucherCode: code }, 'retake'),
        201,
      )
      expect(retake).toMatchObject({ paymentStatus: 'paid', price: { dueCents: 0 } })
    })

    it('takes a discount off what is left to pay; a code that leaves nothing confirms the booking and names who booked it', async () => {
      const { w, centre } = await world(get)
      const lea = await registerCandidate(w)
      const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
      const held = expectOk<Registration>(
        await book(w, { candidateId: lea, slotId: slot }, 'b1'),
        201,
      )
      const discounted = expectOk<Registration>(
        await applyCode(w, held.id, { voucherCode: await issue(w, STUDY_BOOK_DISCOUNT) }),
      )
      expect(discounted).toMatchObject({ paymentStatus: 'due', price: { dueCents: 14_025 } })
      // The payment due follows the new price.
      const pay = (cents: number) =>
        call(
          w,
          'POST',
          `/v1/registrations/${held.id}/payment`,
          { method: 'card', currency: 'USD', cents },
          'provider',
        )
      expectProblem(await pay(16_500), 422, 'PAYMENT_AMOUNT_MISMATCH')
      // A code that cannot be combined with the one it has is refused, naming both.
      const reward = await issue(w, BETA_REWARD, lea)
      const refused = expectProblem(
        await applyCode(w, held.id, { voucherCode: reward }),
        409,
        'CODE_NOT_COMBINABLE',
        'voucherCode',
      )
      expect(refused.detail).toContain('Study book 15 % discount')

      // Booked by support on the phone; the code that makes it free is applied ten minutes later by the provider.
      const ben = await registerCandidate(w, { email: 'ben@example.com', timeZone: 'Europe/Paris' })
      const byPhone = expectOk<Registration>(
        await book(
          w,
          { candidateId: ben, slotId: slot, channel: 'phone', onBehalfReason: 'On a call' },
          'b2',
          'support',
        ),
        201,
      )
      w.clock.set(ENROLMENT_DAY + 10 * MINUTE)
      const free = expectOk<Registration>(
        await applyCode(w, byPhone.id, { voucherCode: await issue(w, BETA_REWARD, ben) }),
      )
      expect(free).toMatchObject({
        paymentStatus: 'paid',
        holdExpiresAt: null,
        price: { dueCents: 0 },
        bookedBy: { role: 'support', channel: 'phone', at: '2026-09-10T12:00:00.000Z' },
        payment: { method: 'free', cents: 0, paidBy: { role: 'provider', channel: 'api' } },
      })
      const [mail] = await w.db
        .selectFrom('outbox')
        .select('id')
        .where('candidate_id', '=', ben)
        .where('kind', '=', 'registration-confirmed')
        .execute()
      const { bodyText } = expectOk<{ bodyText: string }>(
        await call(w, 'GET', `/v1/admin/mail/${mail!.id}`),
      )
      expect(bodyText).toContain(
        `registered for you by “api test support” (support) by phone on ${formatMailTime(ENROLMENT_DAY, 'Europe/Paris')}: On a call.`,
      )
    })

    it('refuses a paid registration, a code it has, an unknown code, and an ended hold', async () => {
      const { w, centre } = await world(get)
      const lea = await registerCandidate(w)
      const slot = await createSlot(w.db, centre, instant('2026-10-01T09:00:00Z'))
      const paid = expectOk<Registration>(
        await book(w, { candidateId: lea, slotId: slot, payment: { method: 'card' } }, 'p'),
        201,
      )
      const code = await issue(w, STUDY_BOOK_DISCOUNT)
      const problem = expectProblem(
        await applyCode(w, paid.id, { voucherCode: code }),
        409,
        'REGISTRATION_ALREADY_PAID',
        'id',
      )
      expect(problem.detail).toContain(paid.id)
      expectProblem(await previewCode(w, paid.id, code), 409, 'REGISTRATION_ALREADY_PAID')

      const ben = await registerCandidate(w, { email: 'ben@example.com' })
      const held = expectOk<Registration>(
        await book(w, { candidateId: ben, slotId: slot }, 'h'),
        201,
      )
      expectOk(await applyCode(w, held.id, { voucherCode: code }))
      const twice = expectProblem(
        await applyCode(w, held.id, { voucherCode: code }),
        409,
        'CODE_ALREADY_USED',
      )
      expect(twice.detail).toContain(held.id)
      expectProblem(
        await applyCode(w, held.id, { voucherCode: guessedCode() }),
        404,
        'CODE_NOT_FOUND',
      )
      expectProblem(await applyCode(w, held.id, {}), 400, 'VALIDATION_FAILED')
      expectProblem(
        await applyCode(w, 'ZZZZ-ZZZZ-ZZZZ', { voucherCode: code }),
        404,
        'REGISTRATION_NOT_FOUND',
      )
      w.clock.set(ENROLMENT_DAY + 31 * MINUTE)
      expectProblem(
        await applyCode(w, held.id, { voucherCode: await issue(w, STUDY_BOOK_DISCOUNT) }),
        409,
        'HOLD_EXPIRED',
      )
    })

    it('needs the same acknowledgement as a booking to give up a free retake, and gives the code back when the hold is released', async () => {
      const { w, centre } = await world(get)
      const lea = await registerCandidate(w)
      // So late that a failed attempt's retake would fall after Second Shot 2026 ends (1 October 2027).
      const late = await createSlot(w.db, centre, instant('2027-09-30T12:00:00Z'))
      const held = expectOk<Registration>(
        await book(w, { candidateId: lea, slotId: late }, 'b'),
        201,
      )
      const code = await enrol(w, lea)
      const seen = expectOk<Preview>(await previewCode(w, held.id, code))
      expect(seen.requiresAcknowledgement).toBe(true)
      expect(seen.loses.join(' ')).toContain('the free retake would be lost')
      expectProblem(
        await applyCode(w, held.id, { voucherCode: code }),
        409,
        'CODE_WOULD_FORFEIT',
        'acknowledgeForfeit',
      )
      expectOk(
        await applyCode(
          w,
          held.id,
          { voucherCode: code, acknowledgeForfeit: true },
          undefined,
          'support',
        ),
      )

      expectOk(
        await call(w, 'POST', `/v1/registrations/${held.id}/release-hold`, { reason: 'Asked to' }),
      )
      const uses = await w.db.selectFrom('voucher_uses').select(['kind', 'returned_at']).execute()
      expect(uses).toHaveLength(1)
      expect(uses[0]!.returned_at).not.toBeNull()
    })
  },
)
