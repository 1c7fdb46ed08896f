import { createContext, type ReactNode, useContext } from 'react'

/** How a candidate asked staff, recorded as chosen (`channel`). */
export type StaffChannel = 'phone' | 'email' | 'chat' | 'in-person'

/** The channels staff choose from, in the order offered. */
export const STAFF_CHANNELS: readonly StaffChannel[] = ['phone', 'email', 'chat', 'in-person']

/** How a candidate asked staff, as staff type it. */
export interface StaffHow {
  readonly channel: StaffChannel
  /** As typed; '' until given. */
  readonly reason: string
}

/** What every change a page sends says of how it came: the channel, and staff's reason. */
export type ActingHow =
  | { readonly channel: 'web' }
  | { readonly channel: StaffChannel | 'web'; readonly onBehalfReason?: string }

/**
 * Who a page acts as: the candidate themself (the portal), or staff acting
 * for one candidate, by name, with the channel and a reason the candidate
 * is shown. The same parts (booking, paying, a code, cancelling, an
 * exception request) serve both; this says where they lead and what they send.
 */
export interface Acting {
  /** The candidate staff act for; null when the candidate acts for themself. */
  readonly forCandidate: string | null
  /**
   * Their first name as their record gives it, for the sentences that name
   * them where the candidate reads "you" (see `web/src/i18n/reader.tsx`);
   * null for the candidate themself.
   */
  readonly candidateName: string | null
  readonly how: ActingHow
  /** The channel and reason as staff type them on the call; absent for the candidate. */
  readonly typed?: { readonly value: StaffHow; set(how: StaffHow): void }
  /** Finding a seat, with the search's query. */
  seats(query: URLSearchParams): string
  /** Booking (or moving a booking to) one seat, with `exam`, `slot` and maybe `reschedule`. */
  book(query: URLSearchParams): string
  registration(id: string): string
  newExceptionRequest(registrationId: string): string
}

const SELF: Acting = {
  forCandidate: null,
  candidateName: null,
  how: { channel: 'web' },
  seats: (query) => `/seats?${query}`,
  book: (query) => `/book?${query}`,
  registration: (id) => `/registrations/${id}`,
  newExceptionRequest: (id) => `/exception-requests/new?registration=${id}`,
}

const ActingContext = createContext<Acting>(SELF)

/** How the parts of this page act: as the candidate, unless staff pages say otherwise. */
export function useActing(): Acting {
  return useContext(ActingContext)
}

/** The candidate staff act for, as their record gives them. */
export interface ActedFor {
  readonly id: string
  readonly firstName: string
}

/**
 * Staff acting for `candidate`: the console's pages as addresses, and
 * `how` as the API takes it (a blank reason is left out, so that the API's
 * refusal names the field that should carry it).
 */
export function actingFor(
  actedFor: ActedFor,
  how: StaffHow,
  set?: (how: StaffHow) => void,
): Acting {
  const candidate = `/console/candidates/${encodeURIComponent(actedFor.id)}`
  const reason = how.reason.trim()
  return {
    forCandidate: actedFor.id,
    candidateName: actedFor.firstName,
    how: { channel: how.channel, ...(reason === '' ? {} : { onBehalfReason: reason }) },
    ...(set === undefined ? {} : { typed: { value: how, set } }),
    seats: (query) => `${candidate}/book?${query}`,
    book: (query) => `${candidate}/book?${query}`,
    registration: (id) => `/console/registrations/${id}`,
    newExceptionRequest: (id) => `${candidate}/exception-request?registration=${id}`,
  }
}

/** The parts inside act as `acting` says. */
export function ActingProvider(props: { readonly acting: Acting; readonly children: ReactNode }) {
  return <ActingContext.Provider value={props.acting}>{props.children}</ActingContext.Provider>
}
