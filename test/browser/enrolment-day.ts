import { instant } from '../api/api-harness.js'
import { asStaff, type Portal } from './portal.js'

/** Second Shot 2026 takes enrolments from 1 September 2026. */
export const ENROLMENT_DAY = instant('2026-09-10T12:00:00Z')
export const SYDNEY = '-33.87,151.21'

export interface Slot {
  id: string
  startsAt: string
  /** `2026-09-14T09:00 Australia/Sydney` */
  localStart: string
  deadlinesPassed: string[]
}

/** Enrolment day at the Sydney centre, its slots for the weeks after, and a Second Shot code for Chloe. */
export async function enrolmentDay(portal: Portal): Promise<{ code: string; slots: Slot[] }> {
  portal.clock.set(ENROLMENT_DAY)
  await asStaff(portal, 'POST', '/v1/centres/syd-prometric/slots/generate', {
    from: '2026-09-11',
    to: '2026-10-31',
    every: '2h',
    daily: '09:00-17:00',
    days: 'mon-fri',
  })
  const { code } = await asStaff<{ code: string }>(
    portal,
    'POST',
    '/v1/offers/second-shot/enrolments',
    {
      candidateId: 'cand-chloe',
    },
  )
  const { items } = await asStaff<{ items: Slot[] }>(
    portal,
    'GET',
    `/v1/slots?exam=070-622&near=${SYDNEY}&limit=200`,
  )
  return { code, slots: items }
}
