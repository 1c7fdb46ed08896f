import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type OidcContext } from 'oidc-provider'

/** The client examdesk is registered as at the test issuer. */
export const TEST_OIDC_CLIENT = {
  clientId: 'examdesk',
  clientSecret: 'test-client-secret-7f3c9e21b84d',
  redirectUri: 'http://127.0.0.1:3000/sign-in/oidc/callback',
} as const

export interface TestIssuer {
  /** `http://127.0.0.1:<port>`: the issuer's identifier and address. */
  readonly issuer: string
  /** Who signs in at the issuer's next login (their `sub`); every login is this person until changed. */
  loginAs(subject: string): void
  close(): Promise<void>
}

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 and a free port, with
 * examdesk as a confidential client (PKCE required) and a login that signs
 * in whoever the test names, with no form. Consent is granted for the
 * `openid` scope without asking: examdesk is the provider's own client. Each
 * person's email is an examdesk account's email, so that a test can show
 * the email is never what links.
 */
export async function startTestIssuer(): Promise<TestIssuer> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  let subject = 'nobody'
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_OIDC_CLIENT.clientId,
        client_secret: TEST_OIDC_CLIENT.clientSecret,
        redirect_uris: [TEST_OIDC_CLIENT.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    cookies: { keys: ['test-issuer-cookie-key'] },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: `${id}@examdesk.example`, email_verified: true }),
    }),
    loadExistingGrant: async (ctx: OidcContext) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      })
      grant.addOIDCScope('openid email')
      await grant.save()
      return grant
    },
  })
  const handle = provider.callback()
  server.on('request', (request, response) => {
    if (request.url?.startsWith('/interaction/')) {
      provider
        .interactionFinished(request, response, { login: { accountId: subject } })
        .catch(() => {
          response.statusCode = 500
          response.end()
        })
      return
    }
    handle(request, response)
  })
  return {
    issuer,
    loginAs(next) {
      subject = next
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

/** A browser at the issuer: follows its redirects, keeping its cookies, until it is sent back to `callbackPrefix`. */
export async function followIssuer(start: string, callbackPrefix: string): Promise<URL> {
  const cookies = new Map<string, string>()
  let at = new URL(start)
  for (let hop = 0; hop < 10; hop++) {
    if (at.href.startsWith(callbackPrefix)) return at
    const response = await fetch(at, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const split = pair.indexOf('=')
      cookies.set(pair.slice(0, split), pair.slice(split + 1))
    }
    const location = response.headers.get('location')
    if (location === null)
      throw new Error(
        `the issuer answered ${response.status} at ${at.pathname}: ${await response.text()}`,
      )
    at = new URL(location, at)
  }
  throw new Error('the issuer kept redirecting')
}
