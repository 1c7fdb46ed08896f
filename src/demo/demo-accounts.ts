import type { Account } from '../domain/account.js'
import type { Instant } from '../domain/instant.js'

/**
 * People to sign in as on a fresh demo database, one per role: a demo
 * candidate (Chloe, whose record is linked), a support agent and an admin.
 * Their emails count as verified; each signs in by mail like anyone.
 */
export function buildDemoAccounts(now: Instant): Account[] {
  const account = (
    id: string,
    role: Account['role'],
    displayName: string,
    email: string,
    candidateId: string | null,
  ): Account => ({
    id,
    role,
    displayName,
    email,
    candidateId,
    emailVerifiedAt: now,
    createdAt: now,
    disabledAt: null,
  })
  return [
    account('acct-chloe', 'candidate', 'Chloe Nguyen', DEMO_SIGN_IN.candidate, 'cand-chloe'),
    account('acct-rosa', 'support', 'Rosa Delgado', DEMO_SIGN_IN.support, null),
    account('acct-henrik', 'admin', 'Henrik Lund', DEMO_SIGN_IN.admin, null),
  ]
}

/** The email each demo person signs in with, as the start banner names them. */
export const DEMO_SIGN_IN = {
  candidate: 'chloe.nguyen@example.com',
  support: 'rosa.delgado@examdesk.example',
  admin: 'henrik.lund@examdesk.example',
} as const
