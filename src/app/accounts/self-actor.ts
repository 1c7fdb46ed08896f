import { UNNAMED } from '../../domain/acted-by.js'
import type { Principal } from '../../domain/principal.js'
import type { Actor } from '../actor.js'

/** A signed-in person acting on their own account, on the web: no one acts for anyone, so no reason is asked. */
export function selfActor(principal: Principal, accountId: string): Actor {
  return {
    principal,
    principalId: principal.id,
    role: principal.role,
    channel: 'web',
    ...UNNAMED,
    accountId,
    displayName: principal.displayName,
  }
}
