import type { Kysely } from 'kysely'
import type { Paging } from '../../db/engine/paging.js'
import type { DB } from '../../db/engine/schema.js'
import {
  countExceptionRequestsByStatus,
  listExceptionRequestsByStatus,
} from '../../db/exceptions/exception-requests.js'
import {
  computeExceptionDue,
  DEFAULT_EXCEPTION_DUE_RULE,
  type ExceptionDueRule,
} from '../../domain/exception-due.js'
import type { ExceptionRequestStatus } from '../../domain/exception-request.js'
import type { Instant } from '../../domain/instant.js'
import { catalogueOf } from '../catalogue/catalogue-cache.js'
import type { Clock } from '../clock.js'
import type { Page } from '../page.js'
import { type ExceptionRequestView, toExceptionRequestView } from './get-exception-request.js'

/** A request in the review queue: how long it has waited, and when it is due. */
export interface QueuedExceptionRequest {
  readonly request: ExceptionRequestView
  /** From filing until now, or until its review once reviewed. */
  readonly waitedMs: number
  readonly dueAt: Instant
  /** Not reviewed by its due time (still open past it, or reviewed after it). */
  readonly overdue: boolean
}

export interface ExceptionQueueDeps {
  readonly db: Kysely<DB>
  readonly clock: Clock
  /** The working days support has and the programme's clock; two days in UTC unless configured. */
  readonly exceptionDue?: ExceptionDueRule
}

/**
 * Support's queue of exception requests with a status (`open`: waiting for
 * review), oldest first, a page at a time: each with how long it has
 * waited and its due time, `EXAMDESK_EXCEPTION_DUE_WORKING_DAYS` working
 * days after it was filed on the programme's clock.
 */
export async function listExceptionQueue(
  deps: ExceptionQueueDeps,
  status: ExceptionRequestStatus,
  paging: Paging,
): Promise<Page<QueuedExceptionRequest> & { readonly timeZone: string }> {
  const now = deps.clock.now()
  const rule = deps.exceptionDue ?? DEFAULT_EXCEPTION_DUE_RULE
  const [requests, total] = await Promise.all([
    listExceptionRequestsByStatus(deps.db, status, paging),
    countExceptionRequestsByStatus(deps.db, status),
  ])
  const catalogue = catalogueOf(deps)
  const items = await Promise.all(
    requests.map(async (request): Promise<QueuedExceptionRequest> => {
      const exam = await catalogue.exam(request.exam)
      const until = request.review?.at ?? now
      const dueAt = computeExceptionDue(request.requestedAt, rule)
      return {
        request: toExceptionRequestView(request, exam?.title ?? request.exam),
        waitedMs: Math.max(0, until - request.requestedAt),
        dueAt,
        overdue: until > dueAt,
      }
    }),
  )
  // The programme's clock, which the due times are read on.
  return { items, total, timeZone: rule.timeZone }
}
