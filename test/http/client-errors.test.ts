import { connect } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from './test-app.js'

/**
 * Requests Node's HTTP parser refuses before Fastify sees a request, over a
 * real socket (`inject()` has no parser). No database is involved.
 */
let app: FastifyInstance
let port: number
beforeAll(async () => {
  app = await buildTestApp()
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  port = typeof address === 'object' && address !== null ? address.port : 0
})
afterAll(() => app.close())

interface RawResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/** Sends `request` as is and reads everything the server answers until it closes. */
function exchange(request: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.end(request))
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const [head = '', body = ''] = text.split('\r\n\r\n', 2)
      const [statusLine = '', ...lines] = head.split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of lines) {
        const colon = line.indexOf(':')
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body })
    })
  })
}

function expectProblem(response: RawResponse, status: number, code: string) {
  expect(response.status).toBe(status)
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
  const problem = JSON.parse(response.body)
  expect(problem).toMatchObject({ status, code, type: `urn:examdesk:problem:${code}` })
  expect(problem.detail).toEqual(expect.any(String))
  expect(problem.requestId).toBe(response.headers['x-request-id'])
  expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body))
  return problem
}

describe('requests the HTTP parser refuses', () => {
  it('answers headers over 16 KiB 431 HEADERS_TOO_LARGE as a problem', async () => {
    const response = await exchange(
      `GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`,
    )
    expect(expectProblem(response, 431, 'HEADERS_TOO_LARGE').limitBytes).toBe(16 * 1024)
  })

  it('answers a request line it cannot read 400 MALFORMED_REQUEST as a problem', async () => {
    expectProblem(await exchange('THIS IS NOT HTTP\r\n\r\n'), 400, 'MALFORMED_REQUEST')
    expectProblem(
      await exchange('GET /healthz HTTP/1.1\r\nHost: a\r\nContent-Length: x\r\n\r\n'),
      400,
      'MALFORMED_REQUEST',
    )
  })

  it('still answers headers under the limit', async () => {
    const response = await exchange(
      `GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Big: ${'a'.repeat(15 * 1024)}\r\n\r\n`,
    )
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' })
  })
})
