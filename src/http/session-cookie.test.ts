import { describe, expect, it } from 'vitest'
import { SECURE_SESSION_COOKIE, sessionCookieFor } from './session-cookie.js'

describe('sessionCookieFor', () => {
  it('leaves Secure (and the __Host- prefix) off only over plain HTTP on loopback, listening there too', () => {
    const plain = { name: 'examdesk-session', secure: false }
    expect(sessionCookieFor('127.0.0.1', 'http://127.0.0.1:3000')).toEqual(plain)
    expect(sessionCookieFor('localhost', 'http://localhost:3000')).toEqual(plain)
    expect(sessionCookieFor('::1', 'http://[::1]:3000')).toEqual(plain)
    // Listening on every interface, reached from anywhere: Secure.
    expect(sessionCookieFor('0.0.0.0', 'http://127.0.0.1:3000')).toEqual(SECURE_SESSION_COOKIE)
    // Behind a TLS proxy on this machine, or reached under a public name: Secure.
    expect(sessionCookieFor('127.0.0.1', 'https://127.0.0.1')).toEqual(SECURE_SESSION_COOKIE)
    expect(sessionCookieFor('127.0.0.1', 'http://exams.example.org')).toEqual(SECURE_SESSION_COOKIE)
    expect(SECURE_SESSION_COOKIE).toEqual({ name: '__Host-examdesk-session', secure: true })
  })
})
