import type { FastifyPluginAsync } from 'fastify'

// Until the web app is served here, whoever opens the server's address in a browser finds where to go.
const HOME_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>examdesk</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
code { background: #f3f3f3; padding: 0 0.2em; }
</style>
</head>
<body>
<main>
<h1>examdesk</h1>
<p>This server runs a certification exam programme: the exam catalogue, candidates and their
attempts at every provider, the retake policy, seats, registrations, vouchers, beta exams and
retake exceptions. It answers an HTTP API under <code>/v1</code>; the web app is not here yet.</p>
<h2>Where to go</h2>
<ul>
<li><a href="/docs">The API reference</a>: every operation, who may call it and what it refuses.</li>
<li><a href="/openapi.json">The OpenAPI document</a>, for client generators and linters.</li>
<li><a href="/healthz">Health</a>: whether this server can serve requests.</li>
</ul>
<h2>A token</h2>
<p>Every <code>/v1</code> request needs <code>Authorization: Bearer &lt;token&gt;</code>. The first
start of the server prints an admin token; make another with
<code>npx examdesk token create --role admin</code> in the server's folder.</p>
</main>
</body>
</html>
`

/** `GET /`: a short page pointing at the API reference. */
export const homeRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/',
    {
      schema: {
        operationId: 'getHomePage',
        summary: 'A page for a browser, pointing at the API reference',
        tags: ['operations'],
        response: {
          200: {
            description: 'An HTML page',
            content: { 'text/html': { schema: { type: 'string' } } },
          },
        },
      },
    },
    async (_request, reply) => reply.type('text/html; charset=utf-8').send(HOME_PAGE),
  )
}
