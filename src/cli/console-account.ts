import { userInfo } from 'node:os'
import { type Actor, systemActor } from '../app/actor.js'
import type { Channel } from '../domain/channel.js'
import type { Role } from '../domain/principal.js'

/** Who acts at the console, as the audit trail names them: the account, as a token names an API caller. */
export function consoleAccount(): string {
  return `cli:${userInfo().username}`
}

/** The console's account acting as `role`: named by the account, as a token is by its label. */
export function consoleActor(role: Role, channel: Channel = 'api'): Actor {
  return systemActor(consoleAccount(), role, channel)
}
