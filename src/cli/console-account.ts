import { userInfo } from 'node:os'

/** Who acts at the console, as the audit trail names them: the account, as a token names an API caller. */
export function consoleAccount(): string {
  return `cli:${userInfo().username}`
}
