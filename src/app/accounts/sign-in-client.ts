/** The public address when none is configured (the server's default listening address), for links. */
import { DEFAULT_PUBLIC_URL } from '../../config.js'

export { DEFAULT_PUBLIC_URL }

/** Where a sign-in came from, as the session list shows it; neither binds the session. */
export interface SignInClient {
  /** The client's network address (through the proxies `TRUST_PROXY` names). */
  readonly address: string | null
  readonly userAgent: string | null
}

/** The address people open examdesk at, without a trailing slash: mailed links start with it. */
export function publicAddressOf(deps: { readonly publicUrl?: (() => string) | undefined }): string {
  return (deps.publicUrl?.() ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, '')
}
