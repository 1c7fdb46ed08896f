import createClient, { type Middleware } from 'openapi-fetch'
import createQueryHooks from 'openapi-react-query'
import type { paths } from './schema'

/** A refusal the API answered: its stable code, its sentence, the field at fault and its facts. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly field: string | undefined,
    readonly facts: Readonly<Record<string, unknown>>,
  ) {
    super(`${code}: ${detail}`)
  }
}

// The session's CSRF token, from /v1/me or a sign-in's answer: every change made with the cookie sends it.
let csrfToken: string | undefined

export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const sendCsrfToken: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken !== undefined)
      request.headers.set('x-csrf-token', csrfToken)
    return request
  },
}

/** Turns every problem+json answer into a thrown Problem, so that callers see data or a refusal. */
const throwProblems: Middleware = {
  async onResponse({ response }) {
    if (response.ok) return response
    const type = response.headers.get('content-type') ?? ''
    if (!type.includes('json')) {
      throw new Problem(response.status, 'UNEXPECTED_ANSWER', response.statusText, undefined, {})
    }
    const body = (await response.clone().json()) as Record<string, unknown>
    const { code, detail, field, type: _t, title: _ti, status: _s, instance: _i, ...facts } = body
    throw new Problem(
      response.status,
      typeof code === 'string' ? code : 'UNEXPECTED_ANSWER',
      typeof detail === 'string' ? detail : response.statusText,
      typeof field === 'string' ? field : undefined,
      facts,
    )
  },
}

/** The API on this page's own origin, with the session cookie: no token ever lives in the browser. */
export const api = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
})
api.use(sendCsrfToken, throwProblems)

/** TanStack Query hooks over the same client: `$api.useQuery('get', '/v1/me')`. */
export const $api = createQueryHooks(api)
