import { describe, expect, it } from 'vitest'
import { testDatabases } from '../support/databases.js'
import { call, expectOk, expectProblem, useApi } from './api-harness.js'

interface PreviewOut {
  readonly centreId: string
  readonly timeZone: string
  readonly requested: number
  readonly toCreate: number
  readonly existing: number
  readonly capacity: number
  readonly firstLocal: string | null
  readonly lastLocal: string | null
  readonly slots: readonly { startsAt: string; localStart: string; exists: boolean }[]
  readonly truncated: boolean
}

// The demo's Auckland centre has slots at 09:00 and 13:00 on weekdays until Tuesday 7 July 2026
// (now is Monday 15 June, 12:00 UTC); this schedule asks for the week from Wednesday 1 July.
const WEEK = {
  from: '2026-07-01',
  to: '2026-07-08',
  every: '4h',
  daily: '09:00-14:00',
  days: 'mon-fri',
  capacity: 6,
}

describe.each(testDatabases())('previewing slots before generating them ($name)', ({ open }) => {
  const world = useApi(open)

  it('lists the starts on the centre’s clock, marks those it has, and generating then makes exactly the rest', async () => {
    const url = '/v1/centres/akl-prometric/slots/preview'
    const preview = expectOk<PreviewOut>(await call(world(), 'POST', url, WEEK))
    expect(preview).toMatchObject({
      centreId: 'akl-prometric',
      timeZone: 'Pacific/Auckland',
      requested: 10,
      toCreate: 2,
      existing: 8,
      capacity: 6,
      firstLocal: '2026-07-01T09:00 Pacific/Auckland',
      lastLocal: '2026-07-07T13:00 Pacific/Auckland',
      truncated: false,
    })
    expect(preview.slots.filter((slot) => !slot.exists).map((slot) => slot.localStart)).toEqual([
      '2026-07-07T09:00 Pacific/Auckland',
      '2026-07-07T13:00 Pacific/Auckland',
    ])
    expect(preview.slots[0]).toEqual({
      startsAt: '2026-06-30T21:00:00.000Z',
      localStart: '2026-07-01T09:00 Pacific/Auckland',
      exists: true,
    })

    // A preview stores nothing: asked twice, it answers the same.
    expect(expectOk<PreviewOut>(await call(world(), 'POST', url, WEEK))).toEqual(preview)

    const generated = expectOk(
      await call(world(), 'POST', '/v1/centres/akl-prometric/slots/generate', WEEK),
    )
    expect(generated).toMatchObject({ requested: 10, created: 2, existing: 8 })
    expect(expectOk<PreviewOut>(await call(world(), 'POST', url, WEEK))).toMatchObject({
      requested: 10,
      toCreate: 0,
      existing: 10,
    })
  })

  it('lists the first 500 starts of a long schedule and counts them all', async () => {
    const preview = expectOk<PreviewOut>(
      await call(world(), 'POST', '/v1/centres/ber-prometric/slots/preview', {
        from: '2026-08-01',
        to: '2026-09-01',
        every: '30m',
      }),
    )
    expect(preview.requested).toBe(31 * 48)
    expect(preview.toCreate).toBe(31 * 48)
    expect(preview.slots).toHaveLength(500)
    expect(preview.truncated).toBe(true)
  })

  it('refuses what generating refuses, and support and providers may not ask', async () => {
    expectProblem(
      await call(world(), 'POST', '/v1/centres/akl-prometric/slots/preview', {
        ...WEEK,
        every: 'hourly',
      }),
      422,
      'SLOT_SCHEDULE_INVALID',
      'every',
    )
    expectProblem(
      await call(world(), 'POST', '/v1/centres/nowhere/slots/preview', WEEK),
      404,
      'CENTRE_NOT_FOUND',
    )
    for (const role of ['support', 'provider'] as const) {
      expectProblem(
        await call(world(), 'POST', '/v1/centres/akl-prometric/slots/preview', WEEK, role),
        403,
        'FORBIDDEN',
      )
    }
  })
})
