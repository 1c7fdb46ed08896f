import type { FastifyPluginAsync } from 'fastify'
import type { Kysely } from 'kysely'
import type { Clock } from '../app/clock.js'
import type { DB } from '../db/schema.js'
import { attemptRoutes } from './routes/attempts.js'
import { candidateRoutes } from './routes/candidates.js'
import { certificationRoutes } from './routes/certifications.js'
import { eligibilityRoutes } from './routes/eligibility.js'
import { examRoutes } from './routes/exams.js'

/** Every resource of the `/v1` API. */
export function apiRoutes(deps: {
  readonly db: Kysely<DB>
  readonly clock: Clock
}): FastifyPluginAsync[] {
  return [
    examRoutes(deps),
    candidateRoutes(deps),
    attemptRoutes(deps),
    eligibilityRoutes(deps),
    certificationRoutes(deps),
  ]
}
