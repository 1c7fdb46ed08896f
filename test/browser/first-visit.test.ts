import { describe, expect, it } from 'vitest'
import { DEMO_SIGN_IN } from '../../src/demo/demo-accounts.js'
import { chromiumAvailable, signIn, usePortal } from './portal.js'

/** A request of the API the page made, and what made it: `parser` is the page itself, `script` the app. */
interface Asked {
  readonly url: string
  readonly by: string
}

describe.skipIf(!chromiumAvailable)('a first visit, in Chromium', () => {
  const portal = usePortal()

  it.each([
    ['home', '/', '.home-grid', ['/v1/candidates/cand-chloe/codes', '/v1/providers']],
    ['the seat search', '/seats?exam=070-622&near=-33.87,151.21', '.centre-entry', []],
  ])(
    '%s asks for the answers it starts with from the page itself, before its script has run',
    async (_name, path, part, more) => {
      const page = await portal().open()
      // Signed in on a page of another address, so that `path` is the browser's first visit to it.
      await signIn(page, portal().db, DEMO_SIGN_IN.candidate, '/help')
      // Chromium's own account of each request (the page's clock is faked, and with it its timings).
      const devtools = await page.context().newCDPSession(page)
      const asked: Asked[] = []
      devtools.on('Network.requestWillBeSent', ({ request, initiator }) => {
        const url = new URL(request.url)
        if (url.pathname.startsWith('/v1/'))
          asked.push({ url: url.pathname + url.search, by: initiator.type })
      })
      await devtools.send('Network.enable')
      await page.goto(path)
      await page.locator(part).first().waitFor()
      await page.getByText('Loading…').first().waitFor({ state: 'detached' })

      // Named by the page the server answered, not asked once the app's script had run.
      expect(asked).toContainEqual({ url: '/v1/me', by: 'parser' })
      for (const url of ['/v1/candidates/cand-chloe', ...more])
        expect(asked).toContainEqual({ url, by: 'parser' })
    },
  )
})
