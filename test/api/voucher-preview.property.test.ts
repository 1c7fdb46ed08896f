import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { newVoucher } from '../../src/app/vouchers/new-voucher.js'
import { setExamPricing } from '../../src/db/catalogue/exam-prices.js'
import { insertVoucher } from '../../src/db/vouchers/vouchers.js'
import {
  BETA_INVITATION,
  BETA_REWARD,
  SECOND_SHOT_VERSIONS,
  STUDY_BOOK_DISCOUNT,
} from '../../src/demo/demo-offers.js'
import { formatVoucherCode } from '../../src/domain/voucher-code.js'
import { createCentre, createSlot, deliver } from '../factories/appointments.js'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, instant, registerCandidate, useApi } from './api-harness.js'

const NOW = instant('2026-09-10T12:00:00Z')
const EXAMS = [
  { number: '070-620', priceClass: 'regular' as const },
  { number: '072-100', priceClass: 'academic' as const },
  { number: '098-361', priceClass: 'regular' as const },
]
const OFFERS = [SECOND_SHOT_VERSIONS[3]!, STUDY_BOOK_DISCOUNT, BETA_INVITATION, BETA_REWARD]

describe.each(testDatabases())('a code preview on $name', ({ open }) => {
  const get = useApi(open, { demo: false })

  it('announces exactly what registering with the code then does', async () => {
    const w = get()
    for (const exam of EXAMS) {
      expectOk(
        await call(w, 'POST', '/v1/exams', { number: exam.number, title: `Exam ${exam.number}` }),
        201,
      )
      await setExamPricing(w.db, exam.number, {
        priceClass: exam.priceClass,
        prices: [{ currency: 'USD', cents: 12_700 }],
      })
      await deliver(w.db, 'prometric', [exam.number])
      await deliver(w.db, 'pearson-vue', [exam.number])
    }
    w.clock.set(NOW)
    const slots = {
      prometric: await createSlot(
        w.db,
        await createCentre(w.db),
        instant('2026-10-01T09:00:00Z'),
        500,
      ),
      'pearson-vue': await createSlot(
        w.db,
        await createCentre(w.db, { providerId: 'pearson-vue' }),
        instant('2026-10-02T09:00:00Z'),
        500,
      ),
    }
    let n = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...OFFERS),
        fc.constantFrom(...EXAMS),
        fc.constantFrom<'prometric' | 'pearson-vue'>('prometric', 'pearson-vue'),
        fc.constantFrom(undefined, 'card', 'company-voucher', 'invoice'),
        fc.boolean(),
        async (offer, exam, provider, method, withStudyBook) => {
          n++
          // Each provider's booking site previews and books its own seats.
          const bookingSite = provider === 'prometric' ? 'provider' : 'otherProvider'
          const candidateId = await registerCandidate(w, { email: `p${n}@example.com` })
          const voucher = newVoucher(offer, { candidateId, issuedBy: 'test' }, NOW)
          await insertVoucher(w.db, voucher)
          const codes = [formatVoucherCode(voucher.code)]
          if (withStudyBook) {
            const extra = newVoucher(STUDY_BOOK_DISCOUNT, { candidateId, issuedBy: 'test' }, NOW)
            await insertVoucher(w.db, extra)
            codes.push(formatVoucherCode(extra.code))
          }
          const query = new URLSearchParams({
            candidateId,
            exam: exam.number,
            slotId: slots[provider],
            ...(method ? { paymentMethod: method } : {}),
            ...(codes[1] ? { with: codes[1] } : {}),
          })
          const preview = expectOk<{
            accepted: boolean
            refusal: { code: string } | null
            requiresAcknowledgement: boolean
            price: { dueCents: number } | null
          }>(
            await call(
              w,
              'GET',
              `/v1/vouchers/${codes[0]}/preview?${query}`,
              undefined,
              bookingSite,
            ),
          )

          const registered = await call(
            w,
            'POST',
            '/v1/registrations',
            {
              candidateId,
              exam: exam.number,
              slotId: slots[provider],
              voucherCodes: codes,
              ...(method ? { payment: { method } } : {}),
            },
            bookingSite,
            { 'idempotency-key': `p${n}` },
          )
          if (!preview.accepted) {
            expect(registered.statusCode).toBeGreaterThanOrEqual(400)
            expect(registered.statusCode).toBeLessThan(500)
            expect(registered.json().code).toBe(preview.refusal?.code)
          } else if (preview.requiresAcknowledgement) {
            expect(registered.json().code).toBe('CODE_WOULD_FORFEIT')
          } else {
            expect(registered.statusCode).toBe(201)
            expect(registered.json().price.dueCents).toBe(preview.price?.dueCents)
          }
        },
      ),
      { numRuns: 20 },
    )
  })
})
