import { describe, expect, it } from 'vitest'
import { WEB_PAGES } from '../../src/http/web-app.js'
import { computePortalPageUrl, type PortalPage } from '../../src/mail/portal-page.js'

/** One of each page mail leads to; a page added to `PortalPage` without one here does not compile. */
const EVERY_PAGE: { readonly [P in PortalPage['page']]: Extract<PortalPage, { page: P }> } = {
  home: { page: 'home' },
  registration: { page: 'registration', registrationId: 'K7QX-M2PD-9TRW' },
  codes: { page: 'codes' },
  invitations: { page: 'invitations' },
  exam: { page: 'exam', exam: '070-620' },
  'exception-request': {
    page: 'exception-request',
    requestId: '0196f5a2-7c1e-7d3a-9a4b-2f1e8c7d6b5a',
  },
}

/** A page address of the web app (`/registrations/:id`) as a pattern of the paths it serves. */
function patternOf(page: string): RegExp {
  return new RegExp(`^${page.replace(/:[a-z]+/g, '[^/]+')}$`)
}

describe('the pages mail leads to', () => {
  it.each(Object.values(EVERY_PAGE))('are pages the web app serves: %o', (page) => {
    const { pathname, search, hash } = new URL(
      computePortalPageUrl('https://exams.example.org', page),
    )
    expect(
      WEB_PAGES.some((served) => patternOf(served).test(pathname)),
      pathname,
    ).toBe(true)
    expect(search + hash).toBe('')
  })

  it('are under the public address, whether or not it ends in a slash', () => {
    expect(computePortalPageUrl('https://exams.example.org/', EVERY_PAGE.codes)).toBe(
      'https://exams.example.org/codes',
    )
    expect(computePortalPageUrl('http://127.0.0.1:3000', EVERY_PAGE.home)).toBe(
      'http://127.0.0.1:3000/',
    )
    expect(computePortalPageUrl('https://exams.example.org', EVERY_PAGE.exam)).toBe(
      'https://exams.example.org/exams/070-620',
    )
  })
})
