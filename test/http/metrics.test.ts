import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearer, buildTestApp } from './test-app.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('GET /metrics', () => {
  it('exposes the request duration histogram by route pattern, in Prometheus text format', async () => {
    await app.inject({ method: 'GET', url: '/v1/exams/70-620', headers: bearer('admin-token') })
    await app.inject({ method: 'GET', url: '/v1/exams/70-621', headers: bearer('admin-token') })
    const response = await app.inject({ method: 'GET', url: '/metrics' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(response.body).toContain('# TYPE http_request_duration_seconds histogram')
    expect(response.body).toContain(
      'http_request_duration_seconds_count{method="GET",route="/v1/exams/:examId",status_code="200"} 2',
    )
    expect(response.body).not.toContain('70-620')
    expect(response.body).toContain('process_cpu_user_seconds_total')
  })

  it('times every route, the documentation and /healthz included', async () => {
    await app.inject({ method: 'GET', url: '/openapi.json' })
    await app.inject({ method: 'GET', url: '/healthz' })
    const { body } = await app.inject({ method: 'GET', url: '/metrics' })
    expect(body).toContain(
      'http_request_duration_seconds_count{method="GET",route="/openapi.json",status_code="200"} 1',
    )
    expect(body).toContain(
      'http_request_duration_seconds_count{method="GET",route="/healthz",status_code="200"} 1',
    )
  })

  it('labels requests that matched no route as one series', async () => {
    await app.inject({ method: 'GET', url: '/random/a' })
    await app.inject({ method: 'GET', url: '/random/b' })
    const { body } = await app.inject({ method: 'GET', url: '/metrics' })
    expect(body).toContain(
      'http_request_duration_seconds_count{method="GET",route="unmatched",status_code="404"} 2',
    )
    expect(body).not.toContain('/random/')
  })

  it('keeps a registry per app, so apps do not share or clash', async () => {
    const other = await buildTestApp()
    try {
      const { body } = await other.inject({ method: 'GET', url: '/metrics' })
      expect(body).not.toContain('route="/v1/exams/:examId"')
    } finally {
      await other.close()
    }
  })
})
