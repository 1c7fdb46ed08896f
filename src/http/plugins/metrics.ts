import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { Counter, collectDefaultMetrics, type Metric, Registry } from 'prom-client'
import type { OperationsReader } from '../../app/operations/read-operations.js'
import { registerOperationsMetrics } from '../operations-metrics.js'
import { problemCodeOf } from '../problem.js'
import { RequestDurations } from '../request-durations.js'
import type { ResponseObserver } from '../response-observers.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Count this route's answers as bookings: 201s made, and refusals by code. */
    readonly countsBookings?: boolean
  }
}

// Requests that matched no route share one label, so junk URLs cannot grow the series count.
const UNMATCHED = 'unmatched'

export interface HttpMetrics {
  /** Times every response, and counts bookings made and refused (`observeResponses`). */
  readonly recording: ResponseObserver
  /** `GET /metrics`. */
  readonly exposition: FastifyPluginAsync
}

/**
 * Prometheus metrics at `GET /metrics`: the process defaults,
 * `http_request_duration_seconds` by method, route pattern and status,
 * registrations made and refused by code, and, given `operations`, what
 * the database says an operator should watch. The registry belongs to
 * this app instance, so tests can build many apps.
 */
export function httpMetrics(operations?: OperationsReader): HttpMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const durations = new RequestDurations()
  // The registry asks a metric for its name, type, help, get() and reset(): RequestDurations has them.
  registry.registerMetric(durations as unknown as Metric)
  if (operations !== undefined) registerOperationsMetrics(registry, operations)
  const registrations = new Counter({
    name: 'examdesk_registrations_total',
    help: 'Seats booked (201; a replayed answer is not counted again).',
    registers: [registry],
  })
  const refusals = new Counter({
    name: 'examdesk_registration_refusals_total',
    help: 'Bookings refused, by problem code (SEAT_UNAVAILABLE, RETAKE_TOO_SOON, DATABASE_UNAVAILABLE, …).',
    labelNames: ['code'],
    registers: [registry],
  })
  const countBooking = (reply: FastifyReply) => {
    const status = reply.statusCode
    if (status === 201) {
      if (reply.getHeader('idempotent-replayed') === undefined) registrations.inc()
    } else if (status >= 400) {
      refusals.inc({ code: problemCodeOf(reply) ?? `HTTP_${status}` })
    }
  }

  // Each route times its responses under its pattern (/v1/exams/:id), never the raw URL.
  const recording: ResponseObserver = (route) => {
    const record = durations.routeRecorder(route?.url ?? UNMATCHED)
    if (route?.config?.countsBookings === true) {
      return (request, reply, ms) => {
        record(request.method, reply.statusCode, ms / 1000)
        countBooking(reply)
      }
    }
    return (request, reply, ms) => record(request.method, reply.statusCode, ms / 1000)
  }

  const exposition: FastifyPluginAsync = async (app) => {
    app.get(
      '/metrics',
      {
        schema: {
          operationId: 'readMetrics',
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
