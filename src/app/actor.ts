import type { ActedBy } from '../domain/acted-by.js'
import { UNNAMED } from '../domain/acted-by.js'
import type { Channel } from '../domain/channel.js'
import { needsOnBehalfReason, parseOnBehalfReason } from '../domain/on-behalf-reason.js'
import type { Principal, Role } from '../domain/principal.js'
import { AppError } from './errors.js'

/**
 * Who acts and how: the principal behind a request (its id, account, the
 * person's display name or the token's label, the provider it acts for), its
 * role, the channel (the API, a phone call taken by support, the web) and,
 * when staff act for a candidate, why.
 */
export interface Actor extends ActedBy {
  readonly role: Role
  /** The client's network address (through the proxies `TRUST_PROXY` names), where there is one. */
  readonly address?: string
  /** Who the access policy judges: which candidates, registrations and slots the command may reach. */
  readonly principal: Principal
}

/**
 * The principal of examdesk's own work and of the operator's console (jobs,
 * the CLI, a wave's self-check): staff, from whom no object is hidden. The
 * console runs where the database is, so whoever runs it has it all anyway.
 */
export function operatorPrincipal(id: string, role: 'admin' | 'support' = 'admin'): Principal {
  return {
    id,
    role,
    tokenId: null,
    tokenLabel: id,
    accountId: null,
    sessionId: null,
    signedInAt: null,
    displayName: null,
    providerId: null,
    candidateId: null,
  }
}

/** How a caller reached us, as they said it: the channel, and the reason staff give for acting for a candidate. */
export interface ActingHow {
  readonly channel: Channel
  /** As typed; checked here. */
  readonly reason?: string | undefined
  /** The name of the input that carried the reason, for a refusal (`onBehalfReason`, `--reason`). */
  readonly reasonField?: string
  readonly address?: string
}

/**
 * The actor `principal` is when acting as `how` says: the reason is stored
 * as a person's name is (see parseOnBehalfReason) and required where staff
 * act for a candidate as a person (needsOnBehalfReason), refused naming the
 * field that should have carried it.
 */
export function actorFor(principal: Principal, how: ActingHow): Actor {
  const field = how.reasonField ?? 'onBehalfReason'
  let reason: string | null = null
  if (how.reason !== undefined) {
    const parsed = parseOnBehalfReason(how.reason)
    if (!parsed.ok) {
      throw new AppError('VALIDATION_FAILED', {
        field,
        location: 'body',
        problem: parsed.problem,
        errors: [{ field, problem: parsed.problem }],
      })
    }
    reason = parsed.reason
  }
  if (reason === null && needsOnBehalfReason(principal.role, how.channel)) {
    throw new AppError('ON_BEHALF_REASON_REQUIRED', {
      field,
      role: principal.role,
      channel: how.channel,
    })
  }
  return {
    principalId: principal.id,
    role: principal.role,
    accountId: principal.accountId,
    displayName: principal.displayName,
    tokenLabel: principal.tokenLabel,
    providerId: principal.providerId,
    channel: how.channel,
    reason,
    principal,
    ...(how.address === undefined ? {} : { address: how.address }),
  }
}

/** examdesk's own work (a job, a self-check), named by `id` in the audit trail. */
export function systemActor(id: string, role: Role, channel: Channel = 'api'): Actor {
  // Whatever role it plays (a wave's self-check books as a provider would), it reaches every object.
  return {
    principalId: id,
    role,
    channel,
    ...UNNAMED,
    tokenLabel: id,
    principal: operatorPrincipal(id),
  }
}

/** Who acted, by name, where a use case is handed them apart from an `Actor`. */
export interface ActorNames {
  readonly accountId?: string | null
  readonly displayName?: string | null
  readonly tokenLabel?: string | null
}

/** The names of a principal, as the audit trail keeps them. */
export function namesOf(principal: Principal): Required<ActorNames> {
  return {
    accountId: principal.accountId,
    displayName: principal.displayName,
    tokenLabel: principal.tokenLabel,
  }
}

/** The audit trail's columns for `names`. */
export function auditNamesOf(names: ActorNames | undefined) {
  return {
    actorAccountId: names?.accountId ?? null,
    actorName: names?.displayName ?? null,
    actorLabel: names?.tokenLabel ?? null,
  }
}

/** Who acts on a wave, for the audit trail and the codes' `issuedBy`; the person or token named where known. */
export interface WaveActor extends ActorNames {
  readonly id: string
  readonly role: string
  readonly channel: string
}
