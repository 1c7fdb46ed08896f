import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  type PublicKeyCredentialRequestOptionsJSON,
  verifyAuthenticationResponse,
} from '@simplewebauthn/server'
import { findAccount } from '../../db/accounts/accounts.js'
import { findPasskeyByCredential, recordPasskeyUse } from '../../db/accounts/passkeys.js'
import { isSignCountAcceptable, PASSKEY_PROMPT_TIMEOUT_MS } from '../../domain/passkey.js'
import type { AppDeps } from '../app-deps.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { completeSignIn, type SignedIn } from './complete-sign-in.js'
import { issueChallenge, spendAnsweredChallenge } from './passkey-challenges.js'
import {
  countFailedPasskey,
  countPasskeyOptions,
  requirePasskeySignInOpen,
} from './passkey-throttle.js'
import { relyingPartyOf } from './relying-party.js'
import type { SignInClient } from './sign-in-client.js'

/**
 * What the browser needs to sign in with a passkey
 * (`navigator.credentials.get`): a challenge and this site's RP ID, with no
 * list of credentials, so that the authenticator offers whichever of its
 * discoverable passkeys it holds for this site (nobody types an email, and
 * nobody learns whose passkeys exist). User verification is required, as
 * at registration. Counted per address (PASSKEY_THROTTLED past the limit):
 * each answer is a challenge stored.
 */
export async function passkeySignInOptions(
  deps: Pick<AppDeps, 'db' | 'clock' | 'publicUrl'>,
  client: SignInClient,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const now = deps.clock.now()
  await countPasskeyOptions(deps.db, client.address, now)
  const challenge = await issueChallenge(deps, 'authentication', null, now)
  return generateAuthenticationOptions({
    rpID: relyingPartyOf(deps).id,
    challenge,
    timeout: PASSKEY_PROMPT_TIMEOUT_MS,
    userVerification: 'required',
  })
}

/**
 * Signs in with a passkey's answer and starts a session, as a sign-in by
 * mail does. The challenge is spent first (a replayed answer finds it
 * spent: PASSKEY_CHALLENGE_INVALID); then the credential must be on an
 * account that can sign in, the user handle that account's, the signature
 * the stored key's, with user verification, and the counter past the one
 * last seen, which is stored in the transaction that starts the session
 * (only if no other sign-in moved it meanwhile). Anything else is
 * PASSKEY_NOT_ACCEPTED, the same answer whatever failed. Every failure
 * counts against the address (PASSKEY_THROTTLED past its limit, as wrong
 * sign-in codes do).
 */
export async function signInWithPasskey(
  deps: Pick<AppDeps, 'db' | 'clock' | 'publicUrl'>,
  response: AuthenticationResponseJSON,
  client: SignInClient,
): Promise<SignedIn> {
  const now = deps.clock.now()
  await requirePasskeySignInOpen(deps.db, client.address, now)
  try {
    return await verifyAndSignIn(deps, response, client)
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === 'PASSKEY_NOT_ACCEPTED' || error.code === 'PASSKEY_CHALLENGE_INVALID')
    )
      throw (await countFailedPasskey(deps.db, client.address, now)) ?? error
    throw error
  }
}

async function verifyAndSignIn(
  deps: Pick<AppDeps, 'db' | 'clock' | 'publicUrl'>,
  response: AuthenticationResponseJSON,
  client: SignInClient,
): Promise<SignedIn> {
  const now = deps.clock.now()
  const notAccepted = () => new AppError('PASSKEY_NOT_ACCEPTED')
  const challenge = await spendAnsweredChallenge(
    deps,
    response.response.clientDataJSON,
    'authentication',
    null,
    now,
  )
  const passkey = await findPasskeyByCredential(deps.db, response.id)
  if (passkey === null) throw notAccepted()
  const account = await findAccount(deps.db, passkey.accountId)
  if (account === null) throw notAccepted()
  // The authenticator names the account it made this passkey for: it must be the one that holds it.
  const userHandle = response.response.userHandle
  if (userHandle !== undefined && userHandle !== userHandleOf(passkey.accountId))
    throw notAccepted()
  const party = relyingPartyOf(deps)
  const verified = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: party.origin,
    expectedRPID: party.id,
    credential: {
      id: passkey.credentialId,
      publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
      counter: passkey.signCount,
      transports: [...passkey.transports],
    },
    requireUserVerification: true,
  }).catch(() => null)
  if (verified === null || !verified.verified) throw notAccepted()
  const signCount = verified.authenticationInfo.newCounter
  if (!isSignCountAcceptable(passkey.signCount, signCount)) throw notAccepted()
  // The holder has proved the passkey theirs: they are told plainly why they cannot sign in.
  if (account.disabledAt !== null) throw new AppError('ACCOUNT_DISABLED')
  return runCommand(deps, {}, async (trx) => {
    // Removed, or used by another sign-in of the same authenticator, since it was read: refused.
    if (!(await recordPasskeyUse(trx, passkey.id, passkey.signCount, signCount, now)))
      throw notAccepted()
    const current = await findAccount(trx, passkey.accountId)
    if (current === null) throw notAccepted()
    if (current.disabledAt !== null) throw new AppError('ACCOUNT_DISABLED')
    return completeSignIn(trx, current, { signUp: null }, now, client, 'passkey', {
      passkeyId: passkey.id,
    })
  })
}

/** The user handle a passkey of this account was made with, base64url as the browser sends it back. */
function userHandleOf(accountId: string): string {
  return Buffer.from(accountId, 'utf8').toString('base64url')
}
