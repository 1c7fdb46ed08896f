import { type Metric, Registry } from 'prom-client'
import { describe, expect, it } from 'vitest'
import { RequestDurations } from '../../src/http/request-durations.js'

/** The exposition text of `durations` alone, as prom-client's registry writes it. */
async function exposition(durations: RequestDurations): Promise<string[]> {
  const registry = new Registry()
  registry.registerMetric(durations as unknown as Metric)
  return (await registry.metrics()).split('\n')
}

describe('http_request_duration_seconds', () => {
  it('counts each response in every bucket whose bound it does not exceed, with sum and count', async () => {
    const durations = new RequestDurations()
    const record = durations.routeRecorder('/v1/exams/:number')
    for (const seconds of [0.003, 0.005, 0.2, 20]) record('GET', 200, seconds)
    const lines = await exposition(durations)
    const series = 'method="GET",route="/v1/exams/:number",status_code="200"'
    expect(lines).toContain('# TYPE http_request_duration_seconds histogram')
    expect(lines).toContain(`http_request_duration_seconds_bucket{le="0.001",${series}} 0`)
    // A bound is inclusive: 0.005 s falls in le="0.005".
    expect(lines).toContain(`http_request_duration_seconds_bucket{le="0.005",${series}} 2`)
    expect(lines).toContain(`http_request_duration_seconds_bucket{le="0.1",${series}} 2`)
    expect(lines).toContain(`http_request_duration_seconds_bucket{le="0.25",${series}} 3`)
    expect(lines).toContain(`http_request_duration_seconds_bucket{le="10",${series}} 3`)
    expect(lines).toContain(`http_request_duration_seconds_bucket{le="+Inf",${series}} 4`)
    expect(lines).toContain(`http_request_duration_seconds_sum{${series}} 20.208`)
    expect(lines).toContain(`http_request_duration_seconds_count{${series}} 4`)
  })

  it('keeps a series per method and status of a route, shared by its recorders', async () => {
    const durations = new RequestDurations()
    const record = durations.routeRecorder('/v1/attempts/:id')
    record('GET', 200, 0.01)
    record('PATCH', 200, 0.01)
    record('GET', 404, 0.01)
    durations.routeRecorder('/v1/attempts/:id')('GET', 200, 0.01)
    const counts = (await exposition(durations)).filter((line) => line.includes('_count{'))
    expect(counts).toEqual([
      'http_request_duration_seconds_count{method="GET",route="/v1/attempts/:id",status_code="200"} 2',
      'http_request_duration_seconds_count{method="PATCH",route="/v1/attempts/:id",status_code="200"} 1',
      'http_request_duration_seconds_count{method="GET",route="/v1/attempts/:id",status_code="404"} 1',
    ])
  })

  it('starts again from zero when the registry resets its metrics', async () => {
    const durations = new RequestDurations()
    const record = durations.routeRecorder('/healthz')
    record('GET', 200, 0.002)
    const registry = new Registry()
    registry.registerMetric(durations as unknown as Metric)
    registry.resetMetrics()
    record('GET', 200, 0.5)
    const lines = (await registry.metrics()).split('\n')
    const series = 'method="GET",route="/healthz",status_code="200"'
    expect(lines).toContain(`http_request_duration_seconds_bucket{le="0.005",${series}} 0`)
    expect(lines).toContain(`http_request_duration_seconds_count{${series}} 1`)
  })
})
