import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onResponseHookHandler,
  RouteOptions,
} from 'fastify'

/** What is done once a request is answered; `ms` is the time from its arrival to its answer. */
export type Observe = (request: FastifyRequest, reply: FastifyReply, ms: number) => void

/**
 * Something done with every answered request (timing it, writing its log
 * line), made once per route: given the route, or null for requests that
 * matched none, it says what to do with each of its answers, or null for
 * nothing.
 */
export type ResponseObserver = (route: RouteOptions | null) => Observe | null

/**
 * Runs `observers` for every answered request in one `onResponse` hook per
 * route, with what each needs of the route (its pattern, its config) looked
 * up once when the route is added. One hook per concern cost each request
 * a turn of Fastify's hook runner, and a read of `request.routeOptions`,
 * which builds a new object on every read. A request that matched no route
 * (a 404, a route's `callNotFound`, or a URL refused before routing, which
 * runs no hook at all) is observed by the function returned, called with it
 * as it arrives (by a hook that every request runs anyway, by the
 * not-found handler and by the `frameworkErrors` handler; a request is
 * observed once however many of them call it): an `onResponse` hook of the
 * app's own would run for every request. Call before any route is added: a
 * route added earlier is not observed.
 */
export function observeResponses(
  app: FastifyInstance,
  observers: readonly (ResponseObserver | null)[],
): (request: FastifyRequest, reply: FastifyReply) => void {
  const observeFor = (route: RouteOptions | null): Observe | null => {
    const each: Observe[] = []
    for (const observer of observers) {
      const observe = observer?.(route) ?? null
      if (observe !== null) each.push(observe)
    }
    if (each.length === 0) return null
    if (each.length === 1) return each[0]!
    return (request, reply, ms) => {
      for (const observe of each) observe(request, reply, ms)
    }
  }

  app.addHook('onRoute', (route) => {
    const observe = observeFor(route)
    if (observe === null) return
    const observed: onResponseHookHandler = (request, reply, done) => {
      observe(request, reply, reply.elapsedTime)
      done()
    }
    route.onResponse = [...[route.onResponse ?? []].flat(), observed]
  })

  const observeUnmatched = observeFor(null)
  if (observeUnmatched === null) return () => {}
  const observed = new WeakSet<FastifyReply>()
  return (request, reply) => {
    if (observed.has(reply)) return
    observed.add(reply)
    // Fastify starts no clock for a URL it refuses before routing: this call is its arrival.
    const arrived = performance.now()
    // 'close' comes once the answer is sent, or when the client went before it was.
    reply.raw.once('close', () => {
      try {
        observeUnmatched(request, reply, reply.elapsedTime || performance.now() - arrived)
      } catch (error) {
        // Out here no hook runner catches it, and a failed log line must not end the process.
        request.log.error({ err: error }, 'observing an unmatched request failed')
      }
    })
  }
}
