import { describe, expect, it } from 'vitest'
import { composeStartBanner, type StartFacts } from './start-banner.js'

const facts: StartFacts = {
  base: 'http://127.0.0.1:8080',
  database: 'sqlite:./data/examdesk.db',
  mail: 'kept in ./data/mail',
  loaded: { programme: false, exams: 0, candidates: 0, attempts: 0, centres: 0, slots: 0 },
  admin: null,
  presetToken: false,
  demo: true,
}

const toCopy = (lines: readonly string[]) =>
  lines.slice(lines.findIndex((line) => line.startsWith('Copy these lines')) + 1).join('\n')

describe('composeStartBanner', () => {
  it('gives the token made on the first start and the address it listens on, port included', () => {
    const lines = composeStartBanner({ ...facts, admin: { token: 'exd_secret', generated: true } })
    expect(toCopy(lines)).toContain(
      'export EXAMDESK=http://127.0.0.1:8080\n  export TOKEN=exd_secret',
    )
  })

  it('on a later start, makes a token instead of naming one', () => {
    expect(toCopy(composeStartBanner(facts))).toContain(
      'export TOKEN=$(npx examdesk token create --role admin)',
    )
  })

  it('uses the token given in EXAMDESK_ADMIN_TOKEN when there is one', () => {
    const lines = composeStartBanner({ ...facts, presetToken: true })
    expect(toCopy(lines)).toContain('export TOKEN="$EXAMDESK_ADMIN_TOKEN"')
  })

  it('reaches a server listening on every interface at the loopback address', () => {
    expect(toCopy(composeStartBanner({ ...facts, base: 'http://0.0.0.0:3000' }))).toContain(
      'export EXAMDESK=http://127.0.0.1:3000',
    )
    expect(toCopy(composeStartBanner({ ...facts, base: 'http://[::]:3000' }))).toContain(
      'export EXAMDESK=http://[::1]:3000',
    )
  })

  it('says how to sign in as each demo person, before the lines to copy', () => {
    const signIn = { candidate: 'c@example.com', support: 's@example.com', admin: 'a@example.com' }
    const lines = composeStartBanner({ ...facts, signIn })
    const before = lines.slice(
      0,
      lines.findIndex((line) => line.startsWith('Copy these lines')),
    )
    const text = before.join('\n')
    for (const email of Object.values(signIn)) expect(text).toContain(email)
    expect(text).toContain(
      `curl -X POST -H 'Content-Type: application/json' -d '{"email": "c@example.com"}' http://127.0.0.1:8080/v1/sign-in/email`,
    )
    expect(text).toContain('/v1/sign-in/code')
    expect(toCopy(lines)).not.toContain('sign-in')
    expect(composeStartBanner(facts).join('\n')).not.toContain('sign in')
  })

  it('points a browser at the web app, where the demo people sign in too, when it is built', () => {
    const signIn = { candidate: 'c@example.com', support: 's@example.com', admin: 'a@example.com' }
    const text = composeStartBanner({ ...facts, signIn, webApp: true }).join('\n')
    expect(text).toContain('web app:      http://127.0.0.1:8080/ (open it in a browser)')
    expect(text).toContain('in the web app (http://127.0.0.1:8080/sign-in)')
    expect(composeStartBanner({ ...facts, signIn }).join('\n')).not.toContain('web app')
  })

  it('points the browser at the public address, where passkeys work; curl at the listening one', () => {
    const signIn = { candidate: 'c@example.com', support: 's@example.com', admin: 'a@example.com' }
    const lines = composeStartBanner({
      ...facts,
      signIn,
      webApp: true,
      publicUrl: 'http://localhost:8080',
    })
    const text = lines.join('\n')
    expect(text).toContain('web app:      http://localhost:8080/ (open it in a browser)')
    expect(text).toContain('in the web app (http://localhost:8080/sign-in)')
    expect(text).toContain('http://127.0.0.1:8080/v1/sign-in/email')
    expect(toCopy(lines)).toContain('export EXAMDESK=http://127.0.0.1:8080')
  })

  it('tries a request the database can answer: a demo candidate only with the demo', () => {
    expect(toCopy(composeStartBanner(facts))).toContain('cand-ana/eligibility')
    const withoutDemo = toCopy(composeStartBanner({ ...facts, demo: false }))
    expect(withoutDemo).toContain('"$EXAMDESK/v1/exams?limit=3"')
    expect(withoutDemo).not.toContain('cand-ana')
  })
})
