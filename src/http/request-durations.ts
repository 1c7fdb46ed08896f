/** Upper bounds of the duration buckets, in seconds. */
const BUCKETS: readonly number[] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

const NAME = 'http_request_duration_seconds'

interface SeriesLabels {
  readonly method: string
  readonly route: string
  readonly status_code: number
}

/** The responses of one method, route pattern and status. */
class Series {
  /** Responses per bucket, not cumulative; the last one counts those above every bound. */
  readonly counts: number[] = new Array<number>(BUCKETS.length + 1).fill(0)
  sum = 0
  count = 0

  constructor(readonly labels: SeriesLabels) {}

  observe(seconds: number): void {
    let bucket = 0
    while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]!) bucket++
    this.counts[bucket]!++
    this.sum += seconds
    this.count++
  }
}

/**
 * `http_request_duration_seconds`, a Prometheus histogram by method, route
 * pattern and status, kept as plain counters. prom-client's Histogram
 * hashes its labels on every observation, which cost about a microsecond
 * of every request; here each route keeps its own series (`routeRecorder`)
 * and an observation is a few additions. prom-client's registry still
 * writes it out: it asks a metric for `get()`, as it does its own.
 */
export class RequestDurations {
  readonly name = NAME
  readonly help = 'Time from request received to response sent, by route pattern.'
  readonly type = 'histogram'
  readonly aggregator = 'sum'
  readonly #series = new Map<string, Series>()

  /** Records the responses of one route pattern; `method` is each request's, as a route may take several. */
  routeRecorder(route: string): (method: string, status: number, seconds: number) => void {
    // Most routes answer one method with a status or two: a short list beats any hashing.
    const known: Series[] = []
    return (method, status, seconds) => {
      for (const series of known) {
        if (series.labels.status_code === status && series.labels.method === method) {
          series.observe(seconds)
          return
        }
      }
      const series = this.#seriesOf({ method, route, status_code: status })
      known.push(series)
      series.observe(seconds)
    }
  }

  #seriesOf(labels: SeriesLabels): Series {
    const key = `${labels.method} ${labels.status_code} ${labels.route}`
    let series = this.#series.get(key)
    if (!series) {
      series = new Series(labels)
      this.#series.set(key, series)
    }
    return series
  }

  /** The histogram in the shape prom-client's registry writes: cumulative buckets, then sum and count. */
  get() {
    const values = []
    for (const { labels, counts, sum, count } of this.#series.values()) {
      let cumulative = 0
      for (let bucket = 0; bucket < BUCKETS.length; bucket++) {
        cumulative += counts[bucket]!
        values.push({
          metricName: `${NAME}_bucket`,
          labels: { le: BUCKETS[bucket]! },
          sharedLabels: labels,
          value: cumulative,
        })
      }
      values.push({
        metricName: `${NAME}_bucket`,
        labels: { le: '+Inf' },
        sharedLabels: labels,
        value: count,
      })
      values.push({ metricName: `${NAME}_sum`, labels, value: sum })
      values.push({ metricName: `${NAME}_count`, labels, value: count })
    }
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      aggregator: this.aggregator,
      values,
    }
  }

  /** Starts every series from zero (prom-client's `registry.resetMetrics()`). */
  reset(): void {
    for (const series of this.#series.values()) {
      series.counts.fill(0)
      series.sum = 0
      series.count = 0
    }
  }
}
