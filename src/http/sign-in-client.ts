import type { FastifyRequest } from 'fastify'
import type { SignInClient } from '../app/accounts/sign-in-client.js'

/** Where a sign-in request came from: the address (through trusted proxies) and the browser's own words. */
export function signInClientOf(request: FastifyRequest): SignInClient {
  const agent = request.headers['user-agent']
  return { address: request.ip ?? null, userAgent: typeof agent === 'string' ? agent : null }
}
