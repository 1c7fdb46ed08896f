import type { Kysely } from 'kysely'
import { findToken, revokeToken } from '../../db/access/api-tokens.js'
import { announceAccessChange, noteAccessChanged } from '../../db/engine/access-changes.js'
import type { DB } from '../../db/engine/schema.js'
import type { ApiToken } from '../../domain/api-token.js'
import type { Actor } from '../actor.js'
import { auditAction } from '../audit-action.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'

/**
 * Revokes a token from now on: every process refuses it from its next
 * request (see `watchAccessChanges`). Answers the token as it now stands
 * and whether this call revoked it (false: it was revoked before, and
 * nothing changed); an unknown id is TOKEN_NOT_FOUND.
 */
export async function revokeApiToken(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  actor: Actor,
  id: string,
): Promise<{ readonly token: ApiToken; readonly revokedNow: boolean }> {
  const now = deps.clock.now()
  const revoked = await runCommand(deps, {}, async (trx) => {
    const revokedNow = await revokeToken(trx, id, now)
    const token = await findToken(trx, id)
    if (token === null) throw new AppError('TOKEN_NOT_FOUND', { tokenId: id })
    if (revokedNow) {
      await auditAction(trx, actor, now, {
        candidateId: null,
        subjectType: 'api-token',
        subjectId: id,
        action: 'token-revoked',
        detail: { role: token.role, label: token.label, providerId: token.providerId },
      })
      await announceAccessChange(trx)
    }
    return { token, revokedNow }
  })
  if (revoked.revokedNow) noteAccessChanged()
  return revoked
}
