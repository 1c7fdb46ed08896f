import { collectDefaultMetrics, Histogram, Registry } from 'prom-client'
import { sharedPlugin } from '../shared-plugin.js'

// Requests that matched no route share one label, so junk URLs cannot grow the series count.
const UNMATCHED = 'unmatched'

/**
 * Prometheus metrics at `GET /metrics`: the process defaults and
 * `http_request_duration_seconds` by method, route pattern and status. The
 * registry belongs to this app instance, so tests can build many apps.
 */
export const metricsPlugin = sharedPlugin('examdesk-metrics', async (app) => {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request received to response sent, by route pattern.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })

  // One observe per response; the route label is the pattern (/v1/exams/:id), never the raw URL.
  app.addHook('onResponse', (request, reply, done) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? UNMATCHED,
        status_code: reply.statusCode,
      },
      reply.elapsedTime / 1000,
    )
    done()
  })

  app.get(
    '/metrics',
    {
      schema: {
        summary: 'Prometheus metrics, in the text exposition format',
        tags: ['operations'],
      },
    },
    async (_request, reply) => {
      reply.type(registry.contentType)
      return registry.metrics()
    },
  )
})
