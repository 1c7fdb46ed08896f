import { ERROR_CATALOGUE, type ErrorCode } from '../app/errors.js'
import { ROLES, type Role } from '../domain/principal.js'

export interface OperationFacts {
  /** The route's own words, if it has more to say than its summary. */
  readonly own?: string
  /** Needs a bearer token. */
  readonly secured: boolean
  /** The roles that may call it; absent: any token. */
  readonly roles?: readonly Role[]
  /** Its own refusals (not those every operation of its kind shares). */
  readonly refusals: readonly ErrorCode[]
}

/**
 * An operation's description in the reference: what it does, who may call
 * it and what it refuses and why, the last two written from the route's
 * roles and the error catalogue so that they cannot drift from the code.
 */
export function composeOperationDescription(facts: OperationFacts): string {
  const parts = facts.own === undefined ? [] : [facts.own.trim()]
  parts.push(`**Who may call it:** ${describeCallers(facts)}.`)
  if (facts.refusals.length === 0) {
    parts.push(
      '**What it refuses:** nothing of its own; only what any call may be refused for (see the answers below).',
    )
  } else {
    const lines = [...facts.refusals]
      .sort((a, b) => ERROR_CATALOGUE[a].status - ERROR_CATALOGUE[b].status)
      .map(
        (code) =>
          `- \`${ERROR_CATALOGUE[code].status}\` \`${code}\`: ${ERROR_CATALOGUE[code].title}`,
      )
    parts.push(`**What it refuses, and why:**\n\n${lines.join('\n')}`)
  }
  return parts.join('\n\n')
}

function describeCallers(facts: OperationFacts): string {
  if (!facts.secured) return 'anyone; no token is needed'
  const roles = facts.roles ?? ROLES
  const named = roles.map((role) => `\`${role}\``)
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} or ${named.at(-1)}`
  return facts.roles === undefined ? `any API token (${list})` : `a token with the role ${list}`
}
