import type { FastifyPluginAsync, onResponseHookHandler } from 'fastify'
import { collectDefaultMetrics, type Metric, Registry } from 'prom-client'
import { RequestDurations } from '../request-durations.js'
import { sharedPlugin } from '../shared-plugin.js'

// Requests that matched no route share one label, so junk URLs cannot grow the series count.
const UNMATCHED = 'unmatched'

export interface HttpMetrics {
  /** Times every response; registered before any route, so that each route times its own. */
  readonly recording: FastifyPluginAsync
  /** `GET /metrics`. */
  readonly exposition: FastifyPluginAsync
}

/**
 * Prometheus metrics at `GET /metrics`: the process defaults and
 * `http_request_duration_seconds` by method, route pattern and status. The
 * registry belongs to this app instance, so tests can build many apps.
 */
export function httpMetrics(): HttpMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const durations = new RequestDurations()
  // The registry asks a metric for its name, type, help, get() and reset(): RequestDurations has them.
  registry.registerMetric(durations as unknown as Metric)

  const recording = sharedPlugin('examdesk-metrics', async (app) => {
    // Each route times its responses under its pattern (/v1/exams/:id), never the raw URL.
    app.addHook('onRoute', (route) => {
      const record = durations.routeRecorder(route.url)
      const timed: onResponseHookHandler = (request, reply, done) => {
        record(request.method, reply.statusCode, reply.elapsedTime / 1000)
        done()
      }
      route.onResponse = [...[route.onResponse ?? []].flat(), timed]
    })
    const unmatched = durations.routeRecorder(UNMATCHED)
    app.addHook('onResponse', (request, reply, done) => {
      if (request.is404) unmatched(request.method, reply.statusCode, reply.elapsedTime / 1000)
      done()
    })
  })

  const exposition: FastifyPluginAsync = async (app) => {
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
  }
  return { recording, exposition }
}
