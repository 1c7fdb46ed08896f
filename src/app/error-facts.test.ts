import { describe, expect, it } from 'vitest'
import { AppError } from './errors.js'

// The lines marked @ts-expect-error are proven by `npm run typecheck`: each must not compile.
describe('the facts of an error', () => {
  it('are the ones its code declares, and write its sentence', () => {
    const error = new AppError('SEAT_UNAVAILABLE', {
      field: 'slotId',
      slotId: 'slot-1',
      startsAtLocal: '2026-12-01 09:00 Europe/Paris',
    })
    expect(error.message).toBe(
      'The slot at 2026-12-01 09:00 Europe/Paris has no free seat left; choose another slot.',
    )
    expect(error.facts).toEqual({
      field: 'slotId',
      slotId: 'slot-1',
      startsAtLocal: '2026-12-01 09:00 Europe/Paris',
    })
  })

  it('may be left out only by a code that needs none', () => {
    expect(new AppError('MALFORMED_JSON').message).toBe('The request body is not valid JSON.')
    // @ts-expect-error: a seat refusal names the slot and when it starts
    expect(new AppError('SEAT_UNAVAILABLE').code).toBe('SEAT_UNAVAILABLE')
  })

  it('do not compile misspelt or missing', () => {
    const at = '2026-12-01 09:00 Europe/Paris'
    // @ts-expect-error: `startsAtLocl` is no fact of SEAT_UNAVAILABLE (it needs `startsAtLocal`)
    const misspelt = new AppError('SEAT_UNAVAILABLE', { slotId: 's1', startsAtLocl: at })
    expect(misspelt.message).toBe('The slot at  has no free seat left; choose another slot.')
    // @ts-expect-error: `startsAtLocal` is missing
    const missing = new AppError('SEAT_UNAVAILABLE', { slotId: 's1' })
    expect(missing.facts).toEqual({ slotId: 's1' })
    // @ts-expect-error: a size is a number of bytes
    expect(new AppError('BODY_TOO_LARGE', { limitBytes: '1 MB' }).status).toBe(413)
  })

  it('of a code chosen at run time are the facts every code it may be needs', () => {
    const refuse = (code: 'EXAM_NOT_FOUND' | 'SLOT_NOT_FOUND') => {
      expect(new AppError(code, { exam: '70-620', slotId: 's1' }).status).toBe(404)
      // @ts-expect-error: SLOT_NOT_FOUND needs its slot too
      expect(new AppError(code, { exam: '70-620' }).status).toBe(404)
    }
    refuse('EXAM_NOT_FOUND')
    refuse('SLOT_NOT_FOUND')
  })
})
