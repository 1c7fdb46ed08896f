import type { Instant } from './instant.js'

export interface Position {
  readonly latitude: number
  readonly longitude: number
}

/** A place where a provider seats candidates; its clock is `timeZone`. */
export interface TestCentre extends Position {
  readonly id: string
  readonly providerId: string
  readonly name: string
  readonly address: string
  readonly city: string
  /** ISO 3166-1 alpha-2. */
  readonly country: string
  /** IANA zone: appointments are shown, and deadlines stated, on this clock. */
  readonly timeZone: string
}

/** A start time at a centre with a number of seats. */
export interface Slot {
  readonly id: string
  readonly centreId: string
  readonly startsAt: Instant
  readonly capacity: number
  readonly booked: number
}
