import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { AppError } from '../../app/errors.js'

export interface HealthDeps {
  /** Resolves when the service can do its work (the database answers); rejects otherwise. */
  checkHealth(): Promise<void>
}

// A health probe that hangs is a failed probe; answer before the load balancer gives up.
const HEALTH_TIMEOUT_MS = 5_000

/**
 * `GET /healthz`: 200 `{ status: 'ok' }` when `checkHealth` resolves in time;
 * else 503 `DATABASE_UNAVAILABLE` with `health: 'degraded'`: the process
 * lives and serves again as soon as the database answers, so a probe should
 * take it out of rotation rather than restart it.
 */
export function healthRoutes(deps: HealthDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
    app.get(
      '/healthz',
      {
        schema: {
          operationId: 'checkHealth',
          summary: 'Whether this process can serve requests',
          tags: ['operations'],
          'x-problems': ['DATABASE_UNAVAILABLE'],
          response: { 200: Type.Object({ status: Type.Literal('ok') }) },
        },
      },
      async (request) => {
        try {
          await withTimeout(deps.checkHealth(), HEALTH_TIMEOUT_MS)
        } catch (error) {
          request.log.warn({ err: error }, 'health check failed')
          throw new AppError('DATABASE_UNAVAILABLE', { health: 'degraded' })
        }
        return { status: 'ok' as const }
      },
    )
  }
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`health check took longer than ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
