import type { FastifyInstance } from 'fastify'

/**
 * A mailed link's page has one button, whose form posts an empty urlencoded
 * body to the page's own address: accepted, and nothing in it read.
 */
export function acceptButtonForm(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, _body, done) => done(null, {}),
  )
}
