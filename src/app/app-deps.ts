import type { Kysely } from 'kysely'
import type { DB } from '../db/engine/schema.js'
import type { ExceptionDueRule } from '../domain/exception-due.js'
import type { SessionTimeouts } from '../domain/session.js'
import type { MailSettings } from '../mail/mail-settings.js'
import type { OidcClient } from './accounts/oidc-client.js'
import type { Clock } from './clock.js'

/**
 * What use cases are handed: the database, the clock, the mail settings and
 * the booking settings. Shells build it once and pass it whole; a use case
 * that needs less declares the part it reads (`Pick<AppDeps, 'db' | 'clock'>`).
 */
export interface AppDeps {
  readonly db: Kysely<DB>
  readonly clock: Clock
  readonly mail: MailSettings
  /** How long a booking with an amount due holds its seat; `DEFAULT_HOLD_MINUTES` unless configured. */
  readonly holdMinutes?: number
  /**
   * The address people open examdesk at, for the links in sign-in mail;
   * `DEFAULT_PUBLIC_URL` unless configured. Asked when a mail is written: a
   * server told to take any free port knows its address only once it listens.
   */
  readonly publicUrl?: () => string
  /** When a person's session ends; `DEFAULT_SESSION_TIMEOUTS` unless configured. */
  readonly sessionTimeouts?: SessionTimeouts
  /** How long after signing in a person may change their account's email or sign-in; `DEFAULT_RECENT_SIGN_IN_MS` unless configured. */
  readonly recentSignInMs?: number
  /** OpenID Connect sign-in, when an operator switched it on; absent or null: off. */
  readonly oidc?: OidcClient | null
  /** When an exception request is due for review; `DEFAULT_EXCEPTION_DUE_RULE` unless configured. */
  readonly exceptionDue?: ExceptionDueRule
  /** Draws a new registration id; random unless a test says otherwise. */
  readonly drawRegistrationId?: () => string
}
