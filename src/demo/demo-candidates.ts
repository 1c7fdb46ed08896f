import type { Attempt, AttemptOutcome } from '../domain/attempt.js'
import { addCalendarMonths } from '../domain/calendar-months.js'
import type { ExamNumber } from '../domain/exam-number.js'
import type { Instant } from '../domain/instant.js'
import type { Waiver } from '../domain/waiver.js'
import { localClock } from './demo-time.js'

/** A demo candidate with the history the retake engine judges, and what it should say. */
export interface DemoCandidate {
  readonly id: string
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  /** ISO 3166-1 alpha-2. */
  readonly country: string
  /** IANA time zone. */
  readonly timeZone: string
  /** Oldest first; `creditFor` is derived from the catalogue when the demo is loaded. */
  readonly attempts: readonly Omit<Attempt, 'creditFor'>[]
  readonly waivers?: readonly Waiver[]
  /** One sentence: what the retake engine should say about this candidate. */
  readonly story: string
}

type Provider = 'prometric' | 'pearson-vue'

/** Numbers a candidate's attempts `att-<key>-1`, `att-<key>-2`, … in the order given. */
function history(
  key: string,
  sittings: readonly [ExamNumber, Provider, Instant, AttemptOutcome][],
): Omit<Attempt, 'creditFor'>[] {
  return sittings.map(([exam, provider, takenAt, outcome], index) => ({
    id: `att-${key}-${index + 1}`,
    exam,
    provider,
    takenAt,
    outcome,
  }))
}

/**
 * Eight candidates around the world, one per thing the retake engine must
 * explain. Attempt times are mornings and afternoons on each candidate's
 * local clock (standard-time offset), whole days before `now`.
 */
export function buildDemoCandidates(now: Instant): DemoCandidate[] {
  const nz = localClock(now, 12)
  const la = localClock(now, -8)
  const india = localClock(now, 5.5)
  const berlin = localClock(now, 1)
  const sydney = localClock(now, 10)
  const saoPaulo = localClock(now, -3)
  const lagos = localClock(now, 1)

  return [
    {
      id: 'cand-ana',
      firstName: 'Ana',
      lastName: 'Tupou',
      email: 'ana.tupou@example.com',
      country: 'NZ',
      timeZone: 'Pacific/Auckland',
      attempts: history('ana', [
        ['070-620', 'prometric', nz(20, '09:00'), 'fail'],
        ['070-620', 'pearson-vue', nz(2, '14:30'), 'fail'],
      ]),
      story:
        'Ana failed 070-620 twice, first at Prometric and then at Pearson VUE, so the general policy’s 14-day wait after a second failure applies across both providers: she may retake it 14 days after her second attempt.',
    },
    {
      id: 'cand-ben',
      firstName: 'Ben',
      lastName: 'Carter',
      email: 'ben.carter@example.com',
      country: 'US',
      timeZone: 'America/Los_Angeles',
      attempts: history('ben', [
        ['070-680', 'prometric', la(300, '08:30'), 'fail'],
        ['070-680', 'prometric', la(270, '13:00'), 'fail'],
        ['070-680', 'pearson-vue', la(240, '09:00'), 'fail'],
        ['070-680', 'pearson-vue', la(180, '10:30'), 'fail'],
        ['070-680', 'prometric', la(60, '15:00'), 'fail'],
      ]),
      story:
        'Ben has failed 070-680 five times in the 12 months since his first attempt about 300 days ago, so the annual limit of 5 attempts holds him until 12 months after that first attempt.',
    },
    {
      id: 'cand-priya',
      firstName: 'Priya',
      lastName: 'Raman',
      email: 'priya.raman@example.com',
      country: 'IN',
      timeZone: 'Asia/Kolkata',
      attempts: history('priya', [
        ['070-685', 'pearson-vue', india(120, '10:00'), 'fail'],
        ['070-685', 'prometric', india(90, '14:00'), 'pass'],
      ]),
      story:
        'Priya passed 070-685 on her second try, and the general policy does not allow retaking a passed exam, so she may not sit it again.',
    },
    {
      id: 'cand-jonas',
      firstName: 'Jonas',
      lastName: 'Weber',
      email: 'jonas.weber@example.com',
      country: 'DE',
      timeZone: 'Europe/Berlin',
      attempts: history('jonas', [
        ['098-349', 'pearson-vue', addCalendarMonths(berlin(1, '10:00'), -40), 'pass'],
      ]),
      story:
        'Jonas passed 098-349 about 40 months ago, so his 36-month MTA: Windows Operating System Fundamentals certification has expired and he may take the exam again now.',
    },
    {
      id: 'cand-chloe',
      firstName: 'Chloe',
      lastName: 'Nguyen',
      email: 'chloe.nguyen@example.com',
      country: 'AU',
      timeZone: 'Australia/Sydney',
      attempts: history('chloe', [
        ['070-620', 'pearson-vue', sydney(400, '09:30'), 'pass'],
        ['071-622', 'prometric', sydney(80, '13:00'), 'fail'],
      ]),
      story:
        'Chloe failed the 071-622 beta (its results were released after the beta closed 60 days ago) and may take the live 070-622 now, which would complete her MCITP: Enterprise Support Technician.',
    },
    {
      id: 'cand-lucas',
      firstName: 'Lucas',
      lastName: 'Oliveira',
      email: 'lucas.oliveira@example.com',
      country: 'BR',
      timeZone: 'America/Sao_Paulo',
      attempts: history('lucas', [['071-621', 'prometric', saoPaulo(6, '11:00'), 'pending']]),
      story:
        'Lucas took the 071-621 beta 6 days ago and its result stays pending until after the beta period, so he may not sit the beta again, and 070-621 is not live yet.',
    },
    {
      id: 'cand-amara',
      firstName: 'Amara',
      lastName: 'Okafor',
      email: 'amara.okafor@example.com',
      country: 'NG',
      timeZone: 'Africa/Lagos',
      attempts: history('amara', [
        ['077-727', 'pearson-vue', lagos(200, '09:00'), 'fail'],
        ['077-727', 'pearson-vue', lagos(190, '09:00'), 'pass'],
        ['077-727', 'prometric', lagos(30, '14:00'), 'fail'],
        ['077-727', 'pearson-vue', lagos(1, '16:00'), 'fail'],
      ]),
      story:
        'Amara passed 077-727 once and has failed it twice since, most recently yesterday; the MOS policy allows retakes even after a pass, so she may retake it 48 hours after that latest failure.',
    },
    {
      id: 'cand-kenji',
      firstName: 'Kenji',
      lastName: 'Sato',
      email: 'kenji.sato@example.com',
      country: 'JP',
      timeZone: 'Asia/Tokyo',
      attempts: [],
      story:
        'Kenji has no attempts at any provider, so every live exam is open to him now as a first attempt.',
    },
  ]
}
