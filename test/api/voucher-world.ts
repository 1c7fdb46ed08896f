import { randomBytes } from 'node:crypto'
import { setExamPricing } from '../../src/db/catalogue/exam-prices.js'
import type { TokenRole as Role } from '../../src/domain/principal.js'
import { formatVoucherCode, voucherCodeFromBytes } from '../../src/domain/voucher-code.js'
import { createCentre, deliver } from '../factories/appointments.js'
import { type ApiWorld, call, expectOk, instant } from './api-harness.js'

export const EXAM = '070-620'
/** Second Shot 2026 takes enrolments from 1 September 2026. */
export const ENROLMENT_DAY = instant('2026-09-10T12:00:00Z')

/** 70-620 at $165, delivered by Prometric at one centre, the clock on enrolment day. */
export async function world(get: () => ApiWorld) {
  const w = get()
  await call(w, 'POST', '/v1/exams', { number: '70-620', title: 'TS: Windows Vista' })
  await setExamPricing(w.db, EXAM, {
    priceClass: 'regular',
    prices: [{ currency: 'USD', cents: 16_500 }],
  })
  await deliver(w.db, 'prometric', [EXAM])
  w.clock.set(ENROLMENT_DAY)
  const centre = await createCentre(w.db)
  return { w, centre }
}

/** Enrols the candidate in an offer (Second Shot by default) and returns the new code. */
export async function enrol(
  w: ApiWorld,
  candidateId: string,
  offer = 'second-shot',
): Promise<string> {
  const out = expectOk<{ code: string }>(
    await call(w, 'POST', `/v1/offers/${offer}/enrolments`, { candidateId }, 'support'),
    201,
  )
  return out.code
}

/** Previews a code for 70-620 in `slotId`, as a provider's booking site would (or as `role`). */
export function preview(
  w: ApiWorld,
  code: string,
  candidateId: string,
  slotId: string,
  extra = '',
  role: Role = 'provider',
) {
  return call(
    w,
    'GET',
    `/v1/vouchers/${encodeURIComponent(code)}/preview?candidateId=${candidateId}&exam=70-620&slotId=${slotId}${extra}`,
    undefined,
    role,
  )
}

/** A well-formed code (right check character) that was never issued. */
export function guessedCode(): string {
  return formatVoucherCode(voucherCodeFromBytes(randomBytes(16)))
}
