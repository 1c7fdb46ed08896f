/** The public address when none is configured (the server's default listening address), for links. */
export { DEFAULT_PUBLIC_URL } from '../../config.js'

/** Where a sign-in came from, as the session list shows it; neither binds the session. */
export interface SignInClient {
  /** The client's network address (through the proxies `TRUST_PROXY` names). */
  readonly address: string | null
  readonly userAgent: string | null
}
