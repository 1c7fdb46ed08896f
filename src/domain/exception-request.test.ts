import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decideExceptionRequest,
  EXCEPTION_POLICY,
  EXCEPTION_REQUEST_FIELDS,
  type ExceptionRequestFacts,
  type ExceptionRequestText,
} from './exception-request.js'

const NOW = Date.parse('2026-06-17T01:00:00Z')
const SAT_AT = Date.parse('2026-06-16T21:00:00Z')

const FACTS: ExceptionRequestFacts = {
  candidate: {
    id: 'cand-lea',
    firstName: 'Léa',
    lastName: 'Martin',
    email: 'Lea.Martin@example.fr',
  },
  registration: {
    id: 'K7QM-2X9P-4RTC',
    candidateId: 'cand-lea',
    exam: '070-620',
    status: 'completed',
    startsAt: SAT_AT,
  },
  examKnown: true,
}

const REQUEST: ExceptionRequestText = {
  firstName: 'Léa',
  lastName: 'Martin',
  candidateId: 'cand-lea',
  email: 'lea.martin@example.fr',
  registrationId: 'K7QM-2X9P-4RTC',
  exam: '70-620',
  description: 'The workstation froze 40 minutes in and the proctor restarted it twice.',
  providerCaseNumber: 'PRM-2026-004417',
  reason: 'lab-crash',
}

function problemsOf(text: ExceptionRequestText, facts: ExceptionRequestFacts = FACTS) {
  const decision = decideExceptionRequest(text, facts, NOW)
  return decision.accepted ? [] : decision.problems.map((p) => [p.field, p.code])
}

describe('decideExceptionRequest', () => {
  it('accepts a complete, consistent request, tidied: trimmed, the exam in its stored spelling', () => {
    const decision = decideExceptionRequest(
      { ...REQUEST, firstName: '  Léa ', reason: 'Lab-Crash' },
      FACTS,
      NOW,
    )
    expect(decision).toEqual({
      accepted: true,
      request: {
        ...REQUEST,
        firstName: 'Léa',
        email: 'Lea.Martin@example.fr',
        exam: '070-620',
        reason: 'lab-crash',
      },
    })
  })

  it.each(EXCEPTION_REQUEST_FIELDS)('refuses a request without %s, saying which', (field) => {
    for (const blank of [undefined, '', '   ']) {
      expect(problemsOf({ ...REQUEST, [field]: blank })).toEqual([[field, 'missing']])
    }
  })

  it('compares the email without regard to case, and refuses another address', () => {
    expect(problemsOf({ ...REQUEST, email: 'LEA.MARTIN@EXAMPLE.FR' })).toEqual([])
    expect(problemsOf({ ...REQUEST, email: 'someone@example.fr' })).toEqual([['email', 'mismatch']])
    expect(problemsOf({ ...REQUEST, email: 'not an address' })).toEqual([['email', 'malformed']])
  })

  it('refuses a list or a display name as the email, and keeps the address on file', () => {
    expect(problemsOf({ ...REQUEST, email: 'x,lea.martin@example.fr' })).toEqual([
      ['email', 'malformed'],
    ])
    expect(problemsOf({ ...REQUEST, email: 'Léa <lea.martin@example.fr>' })).toEqual([
      ['email', 'malformed'],
    ])
    const decision = decideExceptionRequest(
      { ...REQUEST, email: ' lea.martin@EXAMPLE.fr ' },
      FACTS,
      NOW,
    )
    expect(decision.accepted && decision.request.email).toBe('Lea.Martin@example.fr')
  })

  it('refuses names with controls or invisible characters, and keeps names in NFC', () => {
    expect(problemsOf({ ...REQUEST, firstName: 'L\u202Eéa', lastName: 'Mar\u200Btin' })).toEqual([
      ['firstName', 'malformed'],
      ['lastName', 'malformed'],
    ])
    const decision = decideExceptionRequest({ ...REQUEST, firstName: 'Le\u0301a' }, FACTS, NOW)
    expect(decision.accepted && decision.request.firstName).toBe('L\u00e9a')
  })

  it('compares names without regard to case, accents or spacing, and refuses other names', () => {
    expect(problemsOf({ ...REQUEST, firstName: 'LEA', lastName: ' martin ' })).toEqual([])
    expect(problemsOf({ ...REQUEST, firstName: 'Ana', lastName: 'Silva' })).toEqual([
      ['firstName', 'mismatch'],
      ['lastName', 'mismatch'],
    ])
  })

  it('refuses an unknown candidate, without judging the name and email against nobody', () => {
    expect(
      problemsOf({ ...REQUEST, candidateId: 'cand-nobody' }, { ...FACTS, candidate: null }),
    ).toEqual([
      ['candidateId', 'unknown'],
      ['registrationId', 'other-candidate'],
    ])
  })

  it("refuses an unknown registration, another candidate's, and one for another exam", () => {
    expect(problemsOf(REQUEST, { ...FACTS, registration: null })).toEqual([
      ['registrationId', 'unknown'],
    ])
    const bens = { ...FACTS.registration!, candidateId: 'cand-ben' }
    expect(problemsOf(REQUEST, { ...FACTS, registration: bens })).toEqual([
      ['registrationId', 'other-candidate'],
    ])
    const other = { ...FACTS.registration!, exam: '070-680' }
    const decision = decideExceptionRequest(REQUEST, { ...FACTS, registration: other }, NOW)
    expect(decision.accepted ? [] : decision.problems).toEqual([
      {
        field: 'registrationId',
        code: 'other-exam',
        detail: 'Registration K7QM-2X9P-4RTC is for exam 070-680, not 070-620.',
      },
    ])
  })

  it('reads the exam in either spelling, and refuses a malformed or unknown one', () => {
    expect(problemsOf({ ...REQUEST, exam: '070-620' })).toEqual([])
    expect(problemsOf({ ...REQUEST, exam: '7O-620' })).toEqual([['exam', 'malformed']])
    expect(problemsOf({ ...REQUEST, exam: '70-999' }, { ...FACTS, examKnown: false })).toEqual([
      ['exam', 'unknown'],
    ])
  })

  it('needs a sitting: the appointment started (exactly at its start is enough), not cancelled', () => {
    const at = (startsAt: number, status = 'booked') => ({
      ...FACTS,
      registration: { ...FACTS.registration!, startsAt, status },
    })
    expect(problemsOf(REQUEST, at(NOW + 1))).toEqual([['registrationId', 'not-sat']])
    expect(problemsOf(REQUEST, at(NOW))).toEqual([])
    expect(problemsOf(REQUEST, at(SAT_AT, 'no-show'))).toEqual([])
    expect(problemsOf(REQUEST, at(SAT_AT, 'cancelled'))).toEqual([['registrationId', 'cancelled']])
  })

  it('bounds the description and the case number', () => {
    expect(problemsOf({ ...REQUEST, description: 'It broke.' })).toEqual([
      ['description', 'too-short'],
    ])
    expect(problemsOf({ ...REQUEST, description: 'x'.repeat(4001) })).toEqual([
      ['description', 'too-long'],
    ])
    expect(problemsOf({ ...REQUEST, description: '😀'.repeat(4000) })).toEqual([])
    expect(problemsOf({ ...REQUEST, providerCaseNumber: 'X'.repeat(40) })).toEqual([])
    for (const bad of ['X'.repeat(41), 'case 12', 'PRM\u0007'])
      expect(problemsOf({ ...REQUEST, providerCaseNumber: bad })).toEqual([
        ['providerCaseNumber', 'malformed'],
      ])
  })

  it('refuses a reason the policy does not accept with the policy itself, above any other problem', () => {
    const decision = decideExceptionRequest(
      { ...REQUEST, reason: 'unprepared', email: undefined },
      FACTS,
      NOW,
    )
    expect(decision).toEqual({
      accepted: false,
      code: 'EXCEPTION_REASON_NOT_ACCEPTED',
      problems: [
        { field: 'email', code: 'missing', detail: 'Give the email address.' },
        { field: 'reason', code: 'not-accepted', detail: EXCEPTION_POLICY },
      ],
    })
    expect(EXCEPTION_POLICY).toMatch(/lack of preparation, knowledge, skill or ability/)
  })

  it('lists every problem at once, in the order of the form', () => {
    const decision = decideExceptionRequest(
      {
        firstName: 'Ana',
        email: 'ana@example.org',
        registrationId: 'K7QM-2X9P-4RTC',
        exam: '70-680',
        description: 'short',
        providerCaseNumber: 'a b',
        reason: 'connectivity',
      },
      { ...FACTS, registration: { ...FACTS.registration!, startsAt: NOW + 60_000 } },
      NOW,
    )
    expect(decision.accepted).toBe(false)
    if (decision.accepted) return
    expect(decision.code).toBe('EXCEPTION_REQUEST_INVALID')
    expect(decision.problems.map((p) => [p.field, p.code])).toEqual([
      ['firstName', 'mismatch'],
      ['lastName', 'missing'],
      ['candidateId', 'missing'],
      ['email', 'mismatch'],
      ['registrationId', 'other-exam'],
      ['registrationId', 'not-sat'],
      ['description', 'too-short'],
      ['providerCaseNumber', 'malformed'],
    ])
  })

  it('property: each blank field is listed once as missing, whatever else is wrong', () => {
    const field = fc.constantFrom(...EXCEPTION_REQUEST_FIELDS)
    fc.assert(
      fc.property(
        fc.uniqueArray(field, { maxLength: EXCEPTION_REQUEST_FIELDS.length }),
        (blank) => {
          const text: Record<string, string> = { ...REQUEST } as Record<string, string>
          for (const name of blank) text[name] = ' '
          const decision = decideExceptionRequest(text, FACTS, NOW)
          const missing = decision.accepted
            ? []
            : decision.problems.filter((p) => p.code === 'missing').map((p) => p.field)
          expect([...missing].sort()).toEqual([...blank].sort())
          expect(decision.accepted).toBe(blank.length === 0)
        },
      ),
    )
  })
})
