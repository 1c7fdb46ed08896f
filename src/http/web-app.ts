import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import helmet from '@fastify/helmet'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { pagePreloads } from './page-preloads.js'
import { pageQuestions, questionPreloads } from './page-questions.js'

/**
 * The addresses of the web app's pages: each answers the app's one HTML page,
 * which shows the page itself. The same list is the app's router
 * (web/src/app.tsx); a mail or an answer that points a person at a page uses
 * one of these.
 */
export const WEB_PAGES = [
  '/',
  '/sign-in',
  '/sign-up',
  '/help',
  '/account',
  '/exams/:exam',
  '/seats',
  '/book',
  '/registrations/:id',
  '/codes',
  '/invitations',
  '/exception-requests/new',
  '/exception-requests/:id',
  // The staff console's pages; the app itself says which exist and who may see them.
  '/console/*',
] as const

/** Where `npm run build` puts the web app: dist/web beside dist/http, from src/http or dist/http alike. */
export const BUILT_WEB_APP = fileURLToPath(new URL('../../dist/web/', import.meta.url))

/** Whether a built web app is in `dir`. */
export function hasWebApp(dir: string): boolean {
  return existsSync(join(dir, 'index.html'))
}

/**
 * The web app, served on the API's own origin, so that the browser holds a
 * session cookie and never a token. Its files are named by their content
 * (kept a year); the page is never cached, so a new version is seen at once.
 * The page may load only this server's scripts and styles, and talk only to
 * this server.
 */
export function webAppRoutes(
  dir: string,
  signedInCandidate: (request: FastifyRequest) => Promise<string | null> = async () => null,
): FastifyPluginAsync {
  const page = readFileSync(join(dir, 'index.html'), 'utf8')
  const preloads = pagePreloads(dir)
  // Each address answers the page with its own script asked for at once (see page-preloads.ts),
  // and a signed-in candidate's page with its first questions too (see page-questions.ts).
  const pageAt = (path: string, asked = '') =>
    page.replace('</head>', `  ${preloads(path)}${asked}\n  </head>`)
  return async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // The sign-in link's page is a separate page of this origin; a same-origin referrer is fine.
      referrerPolicy: { policy: 'same-origin' },
      // Served over plain HTTP on loopback too: HSTS belongs to the proxy that terminates TLS.
      strictTransportSecurity: false,
    })
    await app.register(fastifyStatic, {
      root: join(dir, 'assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      wildcard: false,
      index: false,
      // The build writes each file beside itself as .br and .gz: sent to browsers that take them.
      preCompressed: true,
    })
    app.get('/favicon.svg', { schema: { hide: true } }, (_request, reply) =>
      reply.sendFile('favicon.svg', dir, { maxAge: '1d' }),
    )
    for (const path of WEB_PAGES) {
      const answer = pageAt(path)
      app.get(path, { schema: { hide: true } }, async (request, reply) => {
        // Without them the page still works: the app asks its questions itself.
        const candidateId = await signedInCandidate(request).catch((error: unknown) => {
          request.log.warn({ err: error }, 'the page is answered without its first questions')
          return null
        })
        reply
          .type('text/html; charset=utf-8')
          // The page names the signed-in candidate's questions: for their browser only.
          .header('cache-control', 'private, no-cache')
          .header('vary', 'cookie')
        return candidateId === null
          ? answer
          : pageAt(path, `\n    ${questionPreloads(pageQuestions(path, candidateId))}`)
      })
    }
  }
}
