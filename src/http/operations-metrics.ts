import { Counter, Gauge, type Metric, type Registry } from 'prom-client'
import type { OperationsReader } from '../app/operations/read-operations.js'

/**
 * The gauges an operator watches, read at each scrape (`collect`): the
 * outbox backlog and its oldest mail, unpaid registrations and overdue
 * holds, the database
 * pool, and the SQLite group-commit sizes. A figure the database cannot
 * give right now reads NaN ("unknown") rather than a stale or a zero value,
 * and the scrape still answers.
 */
export function registerOperationsMetrics(registry: Registry, reader: OperationsReader): void {
  const registers = [registry]
  new Gauge({
    name: 'examdesk_outbox_mail',
    help: 'Mail in the outbox by status: pending (waiting to be sent) and failed (given up on).',
    labelNames: ['status'],
    registers,
    async collect() {
      try {
        const { pending, failed } = await reader.mailBacklog()
        this.set({ status: 'pending' }, pending)
        this.set({ status: 'failed' }, failed)
      } catch {
        this.set({ status: 'pending' }, Number.NaN)
        this.set({ status: 'failed' }, Number.NaN)
      }
    },
  })
  new Gauge({
    name: 'examdesk_outbox_oldest_pending_age_seconds',
    help: 'How long the oldest mail waiting to be sent has waited; 0 when none waits.',
    registers,
    async collect() {
      this.set(await reader.oldestPendingMailAgeSeconds().catch(() => Number.NaN))
    },
  })
  new Gauge({
    name: 'examdesk_registrations_unpaid',
    help: 'Live registrations with an amount due that is not paid yet.',
    registers,
    async collect() {
      this.set(await reader.unpaidRegistrations().catch(() => Number.NaN))
    },
  })
  // Both hold gauges are collected in the same scrape: one query serves them.
  const overdueHolds = sharedWhileRunning(() => reader.overdueHolds())
  new Gauge({
    name: 'examdesk_unpaid_holds_overdue',
    help: 'Unpaid holds past their end that the expiry job has not released yet (should stay near 0).',
    registers,
    async collect() {
      this.set(
        await overdueHolds().then(
          (holds) => holds.count,
          () => Number.NaN,
        ),
      )
    },
  })
  new Gauge({
    name: 'examdesk_unpaid_holds_overdue_age_seconds',
    help: 'How long the most overdue unpaid hold has been past its end; 0 when none is.',
    registers,
    async collect() {
      this.set(
        await overdueHolds().then(
          (holds) => holds.oldestAgeSeconds,
          () => Number.NaN,
        ),
      )
    },
  })
  if (reader.poolUse() !== null) registerPoolMetrics(registry, reader)
  if (reader.groupCommitSizes() !== null)
    registry.registerMetric(groupCommitSizeMetric(reader) as unknown as Metric)
}

/** PostgreSQL only: the pool's connections by state, the requests waiting for one, and those lost. */
function registerPoolMetrics(registry: Registry, reader: OperationsReader): void {
  const registers = [registry]
  new Gauge({
    name: 'examdesk_db_pool_connections',
    help: 'Database connections of this process by state: in_use (lent out) and idle; max is the pool size.',
    labelNames: ['state'],
    registers,
    collect() {
      const use = reader.poolUse()
      if (use === null) return
      this.set({ state: 'in_use' }, use.inUse)
      this.set({ state: 'idle' }, use.idle)
      this.set({ state: 'max' }, use.max)
    },
  })
  new Gauge({
    name: 'examdesk_db_pool_waiting',
    help: 'Requests and jobs of this process waiting for a database connection.',
    registers,
    collect() {
      this.set(reader.poolUse()?.waiting ?? 0)
    },
  })
  new Counter({
    name: 'examdesk_db_connections_lost_total',
    help: 'Database connections that died under the pool (restart, failover, proxy timeout) and were replaced.',
    registers,
    collect() {
      this.reset()
      this.inc(reader.poolUse()?.lost ?? 0)
    },
  })
}

const GROUP_SIZE = 'examdesk_group_commit_size'

/** SQLite only: a histogram of how many transactions each durable commit carried. */
function groupCommitSizeMetric(reader: OperationsReader) {
  return {
    name: GROUP_SIZE,
    help: 'Transactions (bookings, moves, cancellations) carried by each SQLite group commit.',
    type: 'histogram',
    aggregator: 'sum',
    get() {
      const sizes = reader.groupCommitSizes()
      const values = []
      if (sizes !== null) {
        sizes.bounds.forEach((bound, i) => {
          values.push({
            metricName: `${GROUP_SIZE}_bucket`,
            labels: { le: bound },
            value: sizes.cumulative[i]!,
          })
        })
        values.push({
          metricName: `${GROUP_SIZE}_bucket`,
          labels: { le: '+Inf' },
          value: sizes.count,
        })
        values.push({ metricName: `${GROUP_SIZE}_sum`, labels: {}, value: sizes.sum })
        values.push({ metricName: `${GROUP_SIZE}_count`, labels: {}, value: sizes.count })
      }
      return {
        name: GROUP_SIZE,
        help: this.help,
        type: this.type,
        aggregator: this.aggregator,
        values,
      }
    },
    reset() {},
  }
}

/** `load()`, or the answer of the call still under way: callers asking at the same time share one. */
function sharedWhileRunning<T>(load: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null
  return () => {
    running ??= load().finally(() => {
      running = null
    })
    return running
  }
}
