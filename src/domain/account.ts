import type { Instant } from './instant.js'

/** The roles a person's account can hold; machine clients hold theirs through tokens. */
export const ACCOUNT_ROLES = ['candidate', 'support', 'admin'] as const

export type AccountRole = (typeof ACCOUNT_ROLES)[number]

/** The accounts an admin makes: staff. Candidates make their own. */
export const STAFF_ROLES = ['support', 'admin'] as const

export type StaffRole = (typeof STAFF_ROLES)[number]

/** A person who signs in: a candidate, a support agent or an admin. */
export interface Account {
  readonly id: string
  readonly role: AccountRole
  /** How others are told of this person ("registered for you by …"). */
  readonly displayName: string
  /** Where sign-in mail goes; unique whatever its case. */
  readonly email: string
  /** The candidate record a candidate's account speaks for; null until its email is verified, and for staff. */
  readonly candidateId: string | null
  /** Signing in by mail verifies the email; null until the first sign-in. */
  readonly emailVerifiedAt: Instant | null
  readonly createdAt: Instant
  /** A disabled account cannot sign in, and its sessions stop working. */
  readonly disabledAt: Instant | null
}

/** What a candidate gives when they make their account, kept until their email is verified. */
export interface CandidateSignUp {
  readonly firstName: string
  readonly lastName: string
  readonly country: string
  readonly timeZone: string
}

/** The name a candidate's account shows: the names their record will carry. */
export function displayNameOf(signUp: Pick<CandidateSignUp, 'firstName' | 'lastName'>): string {
  return `${signUp.firstName} ${signUp.lastName}`
}

/** Emails are matched whatever their case: `Ana@Example.com` and `ana@example.com` are one account. */
export function emailKey(email: string): string {
  return email.toLowerCase()
}
