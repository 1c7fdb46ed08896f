import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { actorOf } from '../../src/http/routes/registrations.js'
import type { TrustProxy } from '../../src/trust-proxy.js'
import { bearer, buildTestApp } from './test-app.js'

/** Answers the address an action is recorded with, as the API's routes take it. */
const whoAmI: FastifyPluginAsync = async (app) => {
  app.get('/whoami', { schema: { operationId: 'getTestExam' } }, async (request) => ({
    address: actorOf(request, undefined).address,
  }))
}

let app: FastifyInstance | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

async function addressSeen(
  trustProxy: TrustProxy | undefined,
  remoteAddress: string,
  forwardedFor: string,
): Promise<string> {
  app = await buildTestApp({ routes: [whoAmI] }, trustProxy === undefined ? {} : { trustProxy })
  const response = await app.inject({
    method: 'GET',
    url: '/v1/whoami',
    remoteAddress,
    headers: { ...bearer('support-token'), 'x-forwarded-for': forwardedFor },
  })
  expect(response.statusCode).toBe(200)
  return response.json<{ address: string }>().address
}

describe('the client address behind proxies', () => {
  it('ignores X-Forwarded-For by default: the address is the connection peer', async () => {
    expect(await addressSeen(undefined, '10.0.0.5', '203.0.113.7')).toBe('10.0.0.5')
  })

  it('honours X-Forwarded-For from a proxy TRUST_PROXY names', async () => {
    expect(await addressSeen(['10.0.0.0/8'], '10.0.0.5', '203.0.113.7')).toBe('203.0.113.7')
  })

  it('takes the first untrusted hop when the header passed several proxies', async () => {
    const chain = '198.51.100.1, 203.0.113.7, 10.0.0.9'
    expect(await addressSeen(['10.0.0.0/8'], '10.0.0.5', chain)).toBe('203.0.113.7')
  })

  it('ignores X-Forwarded-For from a peer that is not a named proxy', async () => {
    expect(await addressSeen(['10.0.0.0/8'], '198.51.100.9', '203.0.113.7')).toBe('198.51.100.9')
  })
})
