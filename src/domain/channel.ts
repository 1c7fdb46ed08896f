/** How a change reached the programme: through the API, a phone call taken by support, or the web. */
export type Channel = 'api' | 'phone' | 'web'
