import type { ThrottleLimits } from './code-throttle.js'
import { HOUR_MS } from './instant.js'

/**
 * Limits on asking for sign-in mail and on guessing sign-in codes, kept in
 * the same records as wrong voucher codes (`code_throttles`), so that every
 * process counts together. Each request for a mail counts against the email
 * and the address it came from; each wrong code against the address (a
 * request itself dies at its fifth wrong code).
 */

const MINUTE_MS = HOUR_MS / 60

/** 5 sign-in mails to one address within 15 minutes, then none for 15 minutes: a person needs one or two. */
export const SIGN_IN_EMAIL_LIMITS: ThrottleLimits = {
  maxFailures: 5,
  windowMs: 15 * MINUTE_MS,
  lockMs: 15 * MINUTE_MS,
}

/** 30 sign-in mails asked from one network address within 15 minutes (an office or a school shares one). */
export const SIGN_IN_ADDRESS_LIMITS: ThrottleLimits = {
  maxFailures: 30,
  windowMs: 15 * MINUTE_MS,
  lockMs: 15 * MINUTE_MS,
}

/** 20 wrong sign-in codes from one network address within 15 minutes lock it out for an hour. */
export const WRONG_SIGN_IN_CODE_LIMITS: ThrottleLimits = {
  maxFailures: 20,
  windowMs: 15 * MINUTE_MS,
  lockMs: HOUR_MS,
}

/** What a sign-in throttle record counts. */
export type SignInThrottleKind = 'email' | 'address'

export interface SignInThrottleScope<K extends string = SignInThrottleKind> {
  readonly key: string
  readonly kind: K
  readonly limits: ThrottleLimits
}

/** The records a request for sign-in mail counts against: the email (whatever its case) and the address, when known. */
export function signInRequestScopes(
  email: string,
  address: string | null,
): readonly SignInThrottleScope[] {
  return [
    { key: `sign-in-email:${email.toLowerCase()}`, kind: 'email', limits: SIGN_IN_EMAIL_LIMITS },
    ...(address === null
      ? []
      : [
          {
            key: `sign-in-address:${address}`,
            kind: 'address' as const,
            limits: SIGN_IN_ADDRESS_LIMITS,
          },
        ]),
  ]
}

/** The record a wrong sign-in code counts against: the address it came from. */
export function wrongSignInCodeScopes(address: string | null): readonly SignInThrottleScope[] {
  return address === null
    ? []
    : [
        {
          key: `sign-in-code-address:${address}`,
          kind: 'address',
          limits: WRONG_SIGN_IN_CODE_LIMITS,
        },
      ]
}

/** 20 failed passkey sign-ins from one network address within 15 minutes lock it out for an hour, as wrong codes do. */
export const FAILED_PASSKEY_LIMITS: ThrottleLimits = WRONG_SIGN_IN_CODE_LIMITS

/**
 * 60 passkey sign-in options asked from one network address within 15
 * minutes: each is a challenge stored, which anyone could otherwise pile up;
 * a person needs one a try, an office a few dozen.
 */
export const PASSKEY_OPTIONS_LIMITS: ThrottleLimits = {
  maxFailures: 60,
  windowMs: 15 * MINUTE_MS,
  lockMs: 15 * MINUTE_MS,
}

/** The record a failed passkey sign-in counts against: the address it came from. */
export function failedPasskeyScopes(address: string | null): readonly SignInThrottleScope[] {
  return address === null
    ? []
    : [{ key: `passkey-address:${address}`, kind: 'address', limits: FAILED_PASSKEY_LIMITS }]
}

/** The record a request for passkey sign-in options counts against: the address it came from. */
export function passkeyOptionsScopes(address: string | null): readonly SignInThrottleScope[] {
  return address === null
    ? []
    : [
        {
          key: `passkey-options-address:${address}`,
          kind: 'address',
          limits: PASSKEY_OPTIONS_LIMITS,
        },
      ]
}

/** What an email-change throttle record counts: the new address, the account changing, or the network address asking. */
export type EmailChangeThrottleKind = 'email' | 'account' | 'address'

/**
 * The records a request to change an account's email counts against, with
 * the limits of sign-in mail: the new address (5 in 15 minutes: nobody is
 * flooded with confirmations), the account (5: one account cannot mail
 * address after address) and the network address asking (30), when known.
 */
export function emailChangeScopes(
  newEmail: string,
  accountId: string,
  address: string | null,
): readonly SignInThrottleScope<EmailChangeThrottleKind>[] {
  return [
    {
      key: `email-change-email:${newEmail.toLowerCase()}`,
      kind: 'email',
      limits: SIGN_IN_EMAIL_LIMITS,
    },
    { key: `email-change-account:${accountId}`, kind: 'account', limits: SIGN_IN_EMAIL_LIMITS },
    ...(address === null
      ? []
      : [
          {
            key: `email-change-address:${address}`,
            kind: 'address' as const,
            limits: SIGN_IN_ADDRESS_LIMITS,
          },
        ]),
  ]
}
