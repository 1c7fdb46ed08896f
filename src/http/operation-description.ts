import { ERROR_CATALOGUE, type ErrorCode } from '../app/errors.js'
import { OBJECT_RULE_SCOPES, type OperationPolicy } from '../domain/access-policy.js'
import type { Role } from '../domain/principal.js'

export interface OperationFacts {
  /** The route's own words, if it has more to say than its summary. */
  readonly own?: string
  /** Needs a bearer token. */
  readonly secured: boolean
  /** Who may call it and which of its objects they reach; absent only for a route outside `/v1`. */
  readonly policy?: OperationPolicy
  /** Its own refusals (not those every operation of its kind shares). */
  readonly refusals: readonly ErrorCode[]
}

/**
 * An operation's description in the reference: what it does, who may call
 * it and what it refuses and why, the last two written from the route's
 * access policy and the error catalogue so that they cannot drift from the code.
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
  if (!facts.secured || facts.policy === undefined) return 'anyone; no token is needed'
  const { roles, objects } = facts.policy
  const named = roles.map((role) => describeRole(role, OBJECT_RULE_SCOPES[objects]))
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} or ${named.at(-1)}`
  const others = objects === 'none' ? '' : "; another's object answers as a missing one (404)"
  return `the role ${list}${others}`
}

function describeRole(
  role: Role,
  scopes: { readonly candidate: string; readonly provider: string },
) {
  const scope = role === 'candidate' || role === 'provider' ? scopes[role] : ''
  return scope === '' ? `\`${role}\`` : `\`${role}\` (${scope})`
}
