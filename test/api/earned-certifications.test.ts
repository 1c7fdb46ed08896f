import { describe, expect, it } from 'vitest'
import { createToken } from '../../src/app/access/api-tokens.js'
import { fixedClock } from '../../src/app/clock.js'
import { loadDemo } from '../../src/app/operations/load-demo.js'
import { parseInstant } from '../../src/domain/instant.js'
import { buildExamdeskApp } from '../../src/http/examdesk-app.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

const NOW = parseInstant('2026-11-24T12:00:00Z')!

describe.each(testDatabases())('GET /v1/candidates/{id}/certifications on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  async function app() {
    const clock = fixedClock(NOW)
    await loadDemo({ db: db(), clock }, true)
    const { token } = await createToken({ db: db(), clock }, { role: 'support', label: 'test' })
    return {
      api: await buildExamdeskApp({ db: db(), clock }),
      headers: { authorization: `Bearer ${token}` },
    }
  }

  it('shows an expired certification as not current, with its expiry in the candidate zone', async () => {
    const { api, headers } = await app()
    const response = await api.inject({ url: '/v1/candidates/cand-jonas/certifications', headers })
    expect(response.statusCode).toBe(200)
    const mta = response
      .json()
      .items.find((item: { exams: string[] }) => item.exams.includes('098-349'))
    expect(mta.current).toBe(false)
    expect(Date.parse(mta.expiresAt)).toBeLessThan(NOW)
    expect(mta.expiresAtLocal).toMatch(/ Europe\/Berlin$/)
  })

  it('lists nothing for a candidate without passes, and 404 for an unknown one', async () => {
    const { api, headers } = await app()
    const none = await api.inject({ url: '/v1/candidates/cand-kenji/certifications', headers })
    expect(none.json()).toEqual({ items: [] })
    const unknown = await api.inject({ url: '/v1/candidates/nobody/certifications', headers })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().code).toBe('CANDIDATE_NOT_FOUND')
  })
})
