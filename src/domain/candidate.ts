import type { Instant } from './instant.js'

/** A person who sits exams. */
export interface Candidate {
  readonly id: string
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  /** ISO 3166-1 alpha-2, such as `NZ`. */
  readonly country: string
  /** IANA zone, such as `Pacific/Auckland`; appointments are shown in it. */
  readonly timeZone: string
  readonly createdAt: Instant
}
