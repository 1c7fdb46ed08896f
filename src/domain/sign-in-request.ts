import { HOUR_MS, type Instant } from './instant.js'

/** A sign-in mail's link and code work for 15 minutes. */
export const SIGN_IN_LIFETIME_MS = HOUR_MS / 4

/** The wrong code that makes five kills the request: its link and code stop working. */
export const MAX_WRONG_SIGN_IN_CODES = 5

/** A request as the rules read it. */
export interface SignInRequestState {
  readonly expiresAt: Instant
  readonly spentAt: Instant | null
  readonly wrongCodes: number
}

/** Whether a request's link or code can still sign someone in at `now`: unspent, unexpired, not killed by wrong codes. */
export function isSignInLive(request: SignInRequestState, now: Instant): boolean {
  return (
    request.spentAt === null &&
    now < request.expiresAt &&
    request.wrongCodes < MAX_WRONG_SIGN_IN_CODES
  )
}
