/**
 * How a change reached the programme: through the API, the web (a person at
 * a page), or, for staff acting for a candidate, how the candidate asked
 * them: a phone call, an email, a chat, or in person.
 */
export type Channel = 'api' | 'phone' | 'web' | 'email' | 'chat' | 'in-person'

/** Every channel, for the API's schemas. */
export const CHANNELS: readonly Channel[] = ['api', 'phone', 'web', 'email', 'chat', 'in-person']
