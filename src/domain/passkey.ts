import { HOUR_MS, type Instant } from './instant.js'

/** A passkey a person added to their account, as they see it listed. */
export interface Passkey {
  readonly id: string
  readonly accountId: string
  /** The name its person gave it ("Laptop", "Phone"). */
  readonly name: string
  readonly createdAt: Instant
  readonly lastUsedAt: Instant | null
  /** How the browser reached the authenticator (`internal`, `hybrid`, `usb` …), as it reported. */
  readonly transports: readonly string[]
}

/** Which WebAuthn ceremony a challenge was handed out for. */
export type PasskeyCeremony = 'registration' | 'authentication'

/**
 * How long a challenge waits for its answer: the browser's own prompt times
 * out after the options' `timeout` (a minute and a half here), and a person
 * looking for their phone needs a little more; past it the answer is refused.
 */
export const PASSKEY_CHALLENGE_LIFETIME_MS = 5 * (HOUR_MS / 60)

/** The timeout the browser is asked to keep its prompt open for. */
export const PASSKEY_PROMPT_TIMEOUT_MS = 90_000

/** The longest name a passkey may be given. */
export const MAX_PASSKEY_NAME_LENGTH = 60

/**
 * Whether an authenticator's counter may follow the one last seen. A
 * counter that did not move forward means a cloned authenticator or a
 * replay; authenticators that keep no counter (synced passkeys) say 0 every
 * time, and then there is nothing to compare.
 */
export function isSignCountAcceptable(stored: number, reported: number): boolean {
  if (stored === 0 && reported === 0) return true
  return reported > stored
}
