import {
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
  verifyRegistrationResponse,
} from '@simplewebauthn/server'
import { v7 as uuidv7 } from 'uuid'
import { findAccount } from '../../db/accounts/accounts.js'
import {
  findPasskeyByCredential,
  insertPasskey,
  listPasskeysOfAccount,
  type StoredPasskey,
} from '../../db/accounts/passkeys.js'
import { isUniqueViolation } from '../../db/engine/unique-violation.js'
import { PASSKEY_PROMPT_TIMEOUT_MS, type Passkey } from '../../domain/passkey.js'
import type { Principal } from '../../domain/principal.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { AppError } from '../errors.js'
import { requireName } from '../input-fields.js'
import { runCommand } from '../run-command.js'
import { requireAccount } from './end-sessions.js'
import { notifyAccountChange } from './notify-account-change.js'
import { issueChallenge, spendAnsweredChallenge } from './passkey-challenges.js'
import { requireRecentSignIn } from './recent-sign-in.js'
import { relyingPartyOf } from './relying-party.js'
import { selfActor } from './self-actor.js'

/**
 * What the browser needs to make a passkey for the signed-in person
 * (`navigator.credentials.create`): a discoverable credential (it signs in
 * without an email typed), made with user verification (a fingerprint, face
 * or PIN: the passkey alone signs in, so it must be two factors in one), no
 * attestation asked (any authenticator will do), and the person's passkeys
 * already added, so that one authenticator is not added twice.
 */
export async function passkeyRegistrationOptions(
  deps: Pick<AppDeps, 'db' | 'clock' | 'publicUrl' | 'recentSignInMs'>,
  principal: Principal,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { accountId } = requireAccount(principal)
  const now = deps.clock.now()
  // Asked first, so that nobody is sent through the authenticator's prompt for nothing.
  requireRecentSignIn(deps, principal, now)
  const account = await findAccount(deps.db, accountId)
  if (account === null) throw new Error(`account ${accountId} of a live session is missing`)
  const added = await listPasskeysOfAccount(deps.db, accountId)
  const challenge = await issueChallenge(deps, 'registration', accountId, now)
  const party = relyingPartyOf(deps)
  return generateRegistrationOptions({
    rpName: party.name,
    rpID: party.id,
    // The user handle an authenticator keeps and hands back at sign-in: the account's opaque id, nothing personal.
    userID: new TextEncoder().encode(accountId),
    userName: account.email,
    userDisplayName: account.displayName,
    challenge,
    timeout: PASSKEY_PROMPT_TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: added.map((passkey) => ({
      id: passkey.credentialId,
      transports: [...passkey.transports],
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  })
}

export interface AddPasskeyInput {
  readonly name: string
  /** What `navigator.credentials.create` gave, as JSON (`PublicKeyCredential.toJSON()`). */
  readonly credential: RegistrationResponseJSON
}

/**
 * Adds the passkey the browser made to the signed-in person's account:
 * its challenge spent first (once, by this account only), then the answer
 * verified against this site's RP ID and origin with user verification
 * required. A credential on any account already is PASSKEY_ALREADY_ADDED.
 * Audited on the account, and told to its person by mail.
 */
export async function addPasskey(
  deps: Pick<AppDeps, 'db' | 'clock' | 'publicUrl' | 'mail' | 'recentSignInMs'>,
  principal: Principal,
  input: AddPasskeyInput,
): Promise<Passkey> {
  const { accountId } = requireAccount(principal)
  const name = requireName(input.name, 'name')
  const now = deps.clock.now()
  requireRecentSignIn(deps, principal, now)
  const challenge = await spendAnsweredChallenge(
    deps,
    input.credential.response.clientDataJSON,
    'registration',
    accountId,
    now,
  )
  const party = relyingPartyOf(deps)
  const verified = await verifyRegistrationResponse({
    response: input.credential,
    expectedChallenge: challenge,
    expectedOrigin: party.origin,
    expectedRPID: party.id,
    requireUserVerification: true,
  }).catch(() => null)
  if (verified === null || !verified.verified) throw new AppError('PASSKEY_REGISTRATION_INVALID')
  const { credential } = verified.registrationInfo
  const passkey: StoredPasskey = {
    id: uuidv7(),
    accountId,
    name,
    credentialId: credential.id,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    signCount: credential.counter,
    transports: credential.transports ?? input.credential.response.transports ?? [],
    createdAt: now,
    lastUsedAt: null,
  }
  try {
    await runCommand(deps, {}, async (trx) => {
      if ((await findPasskeyByCredential(trx, credential.id)) !== null)
        throw new AppError('PASSKEY_ALREADY_ADDED')
      const account = await findAccount(trx, accountId)
      if (account === null) throw new Error(`account ${accountId} of a live session is missing`)
      await insertPasskey(trx, passkey)
      await auditAction(trx, selfActor(principal, accountId), now, {
        candidateId: principal.candidateId,
        subjectType: 'account',
        subjectId: accountId,
        action: 'passkey-added',
        detail: { passkeyId: passkey.id, name },
      })
      await notifyAccountChange(trx, deps.mail, {
        account,
        change: { kind: 'passkey-added', passkeyName: name },
        subjectId: passkey.id,
        at: now,
      })
    })
  } catch (error) {
    // The same credential added at the same moment elsewhere: the unique index decides.
    if (isUniqueViolation(error)) throw new AppError('PASSKEY_ALREADY_ADDED')
    throw error
  }
  return toPasskey(passkey)
}

/** A passkey as its person sees it: no key, no counter. */
export function toPasskey(stored: StoredPasskey): Passkey {
  return {
    id: stored.id,
    accountId: stored.accountId,
    name: stored.name,
    createdAt: stored.createdAt,
    lastUsedAt: stored.lastUsedAt,
    transports: stored.transports,
  }
}
