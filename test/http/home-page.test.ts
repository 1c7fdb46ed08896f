import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from './test-app.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('GET /', () => {
  it('answers a page that says what this is and links to the reference, the document and health', async () => {
    const response = await app.inject({ method: 'GET', url: '/' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    const page = response.body
    expect(page).toMatch(/^<!doctype html>/i)
    expect(page).toMatch(/<html lang="en">/)
    expect(page).toMatch(/<title>examdesk<\/title>/)
    expect(page).toMatch(/<h1>examdesk<\/h1>/)
    expect(page).toContain('certification exam programme')
    const links = [...page.matchAll(/<a href="([^"]+)">/g)].map((match) => match[1])
    expect(links).toEqual(['/docs', '/openapi.json', '/healthz'])
    expect(page).toContain('token create --role admin')
  })
})
