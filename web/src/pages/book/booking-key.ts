/**
 * The Idempotency-Key of one booking a person is making, kept in the tab's
 * session storage under what is being booked: a double press, a refresh of
 * the page or a resend after a lost answer books once. It is forgotten when
 * the booking is made, so a later booking of the same seat is a new one.
 */
export function bookingKey(
  candidateId: string,
  slotId: string,
): {
  readonly value: string
  forget(): void
} {
  const name = `examdesk.booking.${candidateId}.${slotId}`
  let value = sessionStorage.getItem(name)
  if (value === null) {
    value = crypto.randomUUID()
    sessionStorage.setItem(name, value)
  }
  return { value, forget: () => sessionStorage.removeItem(name) }
}
