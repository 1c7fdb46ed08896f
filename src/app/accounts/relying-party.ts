import type { AppDeps } from '../app-deps.js'
import { DEFAULT_PUBLIC_URL } from './sign-in-client.js'

/**
 * Who examdesk is to an authenticator: the RP ID a passkey is bound to and
 * the one origin its answers must come from, both taken from the public
 * address people open examdesk at. The RP ID is that address's host
 * (`exams.example.org`), not a parent domain: a passkey made here is not
 * offered on sibling hosts. Browsers accept no IP address as an RP ID, so a
 * server on `http://127.0.0.1` needs `http://localhost` as its public address
 * for passkeys to work.
 */
export interface RelyingParty {
  readonly id: string
  readonly name: string
  readonly origin: string
}

export function relyingPartyOf(deps: Pick<AppDeps, 'publicUrl'>): RelyingParty {
  const url = new URL(deps.publicUrl?.() ?? DEFAULT_PUBLIC_URL)
  return { id: url.hostname, name: 'examdesk', origin: url.origin }
}
