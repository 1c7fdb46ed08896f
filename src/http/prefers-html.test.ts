import { describe, expect, it } from 'vitest'
import { prefersHtml } from './prefers-html.js'

describe('prefersHtml', () => {
  it('answers a browser submitting a form with a page', () => {
    // Chrome's and Firefox's Accept for a navigation.
    expect(
      prefersHtml(
        'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
      ),
    ).toBe(true)
    expect(prefersHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(
      true,
    )
  })

  it('answers an API client, or a client that names no type, as the API does', () => {
    expect(prefersHtml(undefined)).toBe(false)
    expect(prefersHtml('')).toBe(false)
    expect(prefersHtml('*/*')).toBe(false)
    expect(prefersHtml('application/json')).toBe(false)
    expect(prefersHtml('application/problem+json, application/json;q=0.9')).toBe(false)
  })

  it('weighs both when both are named: JSON wins only when it weighs more', () => {
    expect(prefersHtml('application/json, text/html;q=0.9')).toBe(false)
    expect(prefersHtml('Text/HTML; q=0.5, application/json; q=0.4')).toBe(true)
    expect(prefersHtml('text/html, application/json')).toBe(true)
    expect(prefersHtml('text/html;q=0')).toBe(false)
    expect(prefersHtml('text/html;q=abc')).toBe(false)
  })
})
