import { describe, expect, it } from 'vitest'
import { buildTestApp, readProblem } from './test-app.js'

describe('GET /healthz', () => {
  it('answers 200 ok when the health check passes, without a token', async () => {
    const app = await buildTestApp({ checkHealth: async () => {} })
    try {
      const response = await app.inject({ method: 'GET', url: '/healthz' })
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ status: 'ok' })
    } finally {
      await app.close()
    }
  })

  it('answers 503 DATABASE_UNAVAILABLE, degraded, as a problem when the health check fails', async () => {
    const app = await buildTestApp({
      checkHealth: async () => {
        throw new Error('database unreachable at 10.0.0.5')
      },
    })
    try {
      const response = await app.inject({ method: 'GET', url: '/healthz' })
      const problem = readProblem(response)
      expect(problem).toMatchObject({
        status: 503,
        code: 'DATABASE_UNAVAILABLE',
        health: 'degraded',
      })
      expect(response.headers['retry-after']).toBe('1')
      expect(response.body).not.toContain('10.0.0.5')
    } finally {
      await app.close()
    }
  })
})
