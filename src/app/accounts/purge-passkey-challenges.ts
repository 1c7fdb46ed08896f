import { purgeChallenges } from '../../db/accounts/webauthn-challenges.js'
import { HOUR_MS } from '../../domain/instant.js'
import type { AppDeps } from '../app-deps.js'

/**
 * Forgets passkey challenges that expired more than an hour ago, spent or
 * not: an expired challenge answers nothing, so keeping it only grows the
 * table. The hour keeps a clock a little behind on another process from
 * ever seeing a live challenge vanish. One statement, so any process may
 * run it at any time.
 */
export async function purgePasskeyChallenges(
  deps: Pick<AppDeps, 'db' | 'clock'>,
): Promise<{ readonly deleted: number }> {
  return { deleted: await purgeChallenges(deps.db, deps.clock.now() - HOUR_MS) }
}
