import type { Account } from '../../domain/account.js'
import type { Instant } from '../../domain/instant.js'
import type { Principal } from '../../domain/principal.js'

/**
 * The principal of a person's session: the account speaks, by its id, role,
 * name and candidate record, signed in at `signedInAt` (the session's start).
 */
export function sessionPrincipal(
  account: Pick<Account, 'id' | 'role' | 'displayName' | 'candidateId'>,
  sessionId: string,
  signedInAt: Instant,
): Principal {
  return {
    id: account.id,
    role: account.role,
    tokenId: null,
    tokenLabel: null,
    accountId: account.id,
    sessionId,
    signedInAt,
    displayName: account.displayName,
    providerId: null,
    candidateId: account.role === 'candidate' ? account.candidateId : null,
  }
}
