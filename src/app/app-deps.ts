import type { Kysely } from 'kysely'
import type { DB } from '../db/engine/schema.js'
import type { MailSettings } from '../mail/mail-settings.js'
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
  /** Draws a new registration id; random unless a test says otherwise. */
  readonly drawRegistrationId?: () => string
}
