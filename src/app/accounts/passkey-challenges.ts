import { randomBytes } from 'node:crypto'
import { insertChallenge, spendChallenge } from '../../db/accounts/webauthn-challenges.js'
import type { Instant } from '../../domain/instant.js'
import { PASSKEY_CHALLENGE_LIFETIME_MS, type PasskeyCeremony } from '../../domain/passkey.js'
import type { AppDeps } from '../app-deps.js'
import { AppError } from '../errors.js'
import { runCommand } from '../run-command.js'
import { hashSecret } from './secrets.js'

/**
 * Draws a challenge for one ceremony (a registration: for one account) and
 * keeps its hash in the database with its expiry, so that the answer may
 * reach any process. The bytes go into the options; the browser sends them
 * back, base64url, inside the signed client data.
 */
export async function issueChallenge(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  ceremony: PasskeyCeremony,
  accountId: string | null,
  now: Instant,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(randomBytes(32))
  await runCommand(deps, {}, (trx) =>
    insertChallenge(trx, {
      hash: hashSecret(Buffer.from(bytes).toString('base64url')),
      ceremony,
      accountId,
      createdAt: now,
      expiresAt: now + PASSKEY_CHALLENGE_LIFETIME_MS,
    }),
  )
  return bytes
}

/**
 * Spends the challenge an answer's client data carries, before anything of
 * the answer is believed: committed on its own, so that an answer that then
 * fails to verify has used its challenge up all the same, and a replayed
 * answer finds it spent. PASSKEY_CHALLENGE_INVALID when it is unknown,
 * spent, expired, of another ceremony or (a registration) of another account.
 * Returns the challenge, as the answer's verification expects it.
 */
export async function spendAnsweredChallenge(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  clientDataJSON: string,
  ceremony: PasskeyCeremony,
  accountId: string | null,
  now: Instant,
): Promise<string> {
  const challenge = challengeOf(clientDataJSON)
  if (challenge === null) throw new AppError('PASSKEY_CHALLENGE_INVALID')
  const spent = await runCommand(deps, {}, (trx) =>
    spendChallenge(trx, hashSecret(challenge), ceremony, accountId, now),
  )
  if (!spent) throw new AppError('PASSKEY_CHALLENGE_INVALID')
  return challenge
}

/** The challenge inside a browser's client data (base64url JSON); null when it has none to read. */
function challengeOf(clientDataJSON: string): string | null {
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'))
    const challenge = (data as { challenge?: unknown } | null)?.challenge
    return typeof challenge === 'string' && challenge.length > 0 ? challenge : null
  } catch {
    return null
  }
}
