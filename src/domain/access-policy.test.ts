import { describe, expect, it } from 'vitest'
import { ACCESS_POLICY, decideCall, operationPolicy } from './access-policy.js'
import { type Principal, ROLES, tokenPrincipal } from './principal.js'

const caller = (role: Principal['role'], providerId: string | null = null): Principal => ({
  ...tokenPrincipal({ id: 't', role: role === 'candidate' ? 'admin' : role, providerId }),
  role,
})

describe('operationPolicy', () => {
  it('knows every operation of the table and nothing else, not even inherited names', () => {
    expect(operationPolicy('register')).toBe(ACCESS_POLICY.register)
    expect(operationPolicy('noSuchOperation')).toBeNull()
    expect(operationPolicy('toString')).toBeNull()
  })

  it('gives admins every operation, issuing codes to staff, and enrolling in an offer to staff and the candidate', () => {
    for (const [operationId, policy] of Object.entries(ACCESS_POLICY)) {
      // Asking for a sign-in or making an account asks for no caller at all.
      if ('anonymous' in policy) expect(policy.roles, operationId).toEqual([])
      else expect(policy.roles, operationId).toContain('admin')
    }
    expect(ACCESS_POLICY.issueRewardVouchers.roles).toEqual(['admin', 'support'])
    // SPEC §5: a candidate registers for the offer themself, and receives a code.
    expect(ACCESS_POLICY.enrolInOffer).toEqual({
      roles: ['admin', 'support', 'candidate'],
      objects: 'candidate',
    })
  })

  it("keeps a provider away from a candidate's history, codes and exception requests", () => {
    for (const operationId of [
      'getCandidate',
      'listAttempts',
      'planRetakes',
      'listEarnedCertifications',
      'listCandidateExceptionRequests',
      'getBetaStanding',
      'getExceptionRequest',
      'requestException',
      'enrolInOffer',
    ] as const)
      expect(ACCESS_POLICY[operationId].roles, operationId).not.toContain('provider')
  })
})

describe('decideCall', () => {
  it('admits the roles an operation names and refuses the others by role', () => {
    const policy = ACCESS_POLICY.createExam
    expect(decideCall(caller('admin'), policy)).toBeNull()
    for (const role of ROLES.filter((role) => role !== 'admin'))
      expect(decideCall(caller(role, 'prometric'), policy), role).toBe('role')
  })

  it('refuses a provider token bound to no provider whatever it asks', () => {
    expect(decideCall(caller('provider'), ACCESS_POLICY.listExams)).toBe('unbound-provider')
    expect(decideCall(caller('provider', 'prometric'), ACCESS_POLICY.listExams)).toBeNull()
  })
})
