import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openServerLog, type ServerLog } from '../../src/http/server-log.js'
import { bearer, buildTestApp, validExam } from './test-app.js'

/**
 * The request log as `npm start` writes it: one JSON line per answered
 * request at `info`, through the buffered destination, with the fields an
 * operator needs and nothing of the URL's ids.
 */
describe('the request log', () => {
  let dir: string
  let app: FastifyInstance | undefined
  let log: ServerLog | undefined

  afterEach(async () => {
    await app?.close()
    await rm(dir, { recursive: true, force: true })
  })

  async function logged(level: string, requests: (app: FastifyInstance) => Promise<void>) {
    dir = await mkdtemp(join(tmpdir(), 'examdesk-log-'))
    const file = join(dir, 'server.log')
    log = openServerLog(level, file)
    app = await buildTestApp({}, { loggerInstance: log.logger })
    await requests(app)
    await log.close()
    const text = await readFile(file, 'utf8')
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
  }

  it('writes one line per request with method, route, status, duration, request id and role', async () => {
    const lines = await logged('info', async (app) => {
      await app.inject({ method: 'GET', url: '/v1/exams/70-620', headers: bearer('support-token') })
      await app.inject({
        method: 'POST',
        url: '/v1/exams',
        headers: bearer('admin-token'),
        payload: validExam,
      })
    })
    const requests = lines.filter((line) => line.msg === 'request')
    expect(lines).toHaveLength(requests.length)
    expect(requests).toHaveLength(2)
    expect(requests[0]).toMatchObject({
      level: 30,
      method: 'GET',
      route: '/v1/exams/:examId',
      status: 200,
      role: 'support',
      code: null,
    })
    expect(requests[1]).toMatchObject({
      method: 'POST',
      route: '/v1/exams',
      status: 201,
      role: 'admin',
    })
    for (const line of requests) {
      expect(typeof line.ms).toBe('number')
      expect(line.requestId).toEqual(expect.any(String))
    }
    // The route's pattern, never the URL with its ids.
    expect(JSON.stringify(lines)).not.toContain('70-620')
  })

  it('writes the request line with the fields of pino’s own lines, in the same order', async () => {
    const lines = await logged('info', async (app) => {
      app.log.info({ requestId: 'r-1' }, 'a line through pino')
      await app.inject({ method: 'GET', url: '/v1/exams/70-620', headers: bearer('support-token') })
    })
    const [pinoLine, requestLine] = lines
    const keys = (line: Record<string, unknown> | undefined) => Object.keys(line ?? {})
    expect(keys(requestLine).slice(0, 5)).toEqual(keys(pinoLine).slice(0, 5))
    expect(keys(requestLine)).toEqual([
      ...['level', 'time', 'pid', 'hostname', 'requestId'],
      ...['method', 'route', 'status', 'ms', 'role', 'code', 'msg'],
    ])
    expect(requestLine).toMatchObject({ level: pinoLine?.level, pid: process.pid })
    expect(Math.abs(Number(requestLine?.time) - Number(pinoLine?.time))).toBeLessThan(60_000)
  })

  it('says a refusal in the same one line, with its problem code', async () => {
    const lines = await logged('info', async (app) => {
      await app.inject({ method: 'POST', url: '/v1/refusals', headers: bearer('admin-token') })
      await app.inject({ method: 'GET', url: '/v1/exams/70-620' })
      await app.inject({ method: 'GET', url: '/nowhere' })
      await app.inject({ method: 'GET', url: '/v1/exams/%E0%A4%A' })
      await app.inject({ method: 'GET', url: '/nowhere?q=%E0%A4%A' })
    })
    expect(lines.map((line) => [line.msg, line.route, line.status, line.code, line.role])).toEqual([
      ['request', '/v1/refusals', 409, 'RETAKE_TOO_SOON', 'admin'],
      ['request', '/v1/exams/:examId', 401, 'UNAUTHENTICATED', null],
      // No route matched: one line all the same, without a pattern.
      ['request', null, 404, 'ROUTE_NOT_FOUND', null],
      ['request', null, 400, 'MALFORMED_URL', null],
      ['request', null, 400, 'MALFORMED_URL', null],
    ])
  })

  it('writes one line for a route that hands its request to the not-found answer', async () => {
    // As the web app does for a file it does not have (@fastify/static's callNotFound).
    const handsOver: FastifyPluginAsync = async (app) => {
      app.get('/handed-over', { schema: { hide: true } }, (_request, reply) => reply.callNotFound())
    }
    dir = await mkdtemp(join(tmpdir(), 'examdesk-log-'))
    const file = join(dir, 'server.log')
    log = openServerLog('info', file)
    app = await buildTestApp({ pages: [handsOver] }, { loggerInstance: log.logger })
    await app.inject({ method: 'GET', url: '/handed-over' })
    await log.close()
    const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '')
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ msg: 'request', status: 404, code: 'ROUTE_NOT_FOUND' }),
    ])
  })

  it('writes nothing per request above info', async () => {
    const lines = await logged('warn', async (app) => {
      await app.inject({ method: 'GET', url: '/v1/exams/70-620', headers: bearer('support-token') })
      await app.inject({ method: 'POST', url: '/v1/refusals', headers: bearer('admin-token') })
      app.log.warn('a warning')
    })
    // The log was written (the warning), and no request made a line of its own.
    expect(lines.map((line) => line.msg)).toEqual(['a warning'])
  })

  it('shows a quiet server’s line after a second, while the log is still open', async () => {
    dir = await mkdtemp(join(tmpdir(), 'examdesk-log-'))
    const file = join(dir, 'server.log')
    // The log's clock only: the write itself is real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    try {
      log = openServerLog('info', file)
      app = await buildTestApp({}, { loggerInstance: log.logger })
      await app.inject({ method: 'GET', url: '/v1/exams/70-620', headers: bearer('support-token') })
      // Far from a full chunk, the line waits for the second to pass.
      expect(await readFile(file, 'utf8')).toBe('')
      vi.advanceTimersByTime(1000)
      // The file write that second started: polled until it lands, bounded.
      let text = ''
      for (let tries = 0; tries < 1000 && !text.includes('"msg":"request"'); tries++) {
        await new Promise((resolve) => setImmediate(resolve))
        text = await readFile(file, 'utf8')
      }
      expect(text).toContain('"route":"/v1/exams/:examId"')
      await log.close()
    } finally {
      vi.useRealTimers()
    }
  })

  it('writes lines larger than a chunk whole, in their order among the others', async () => {
    const note = 'ä'.repeat(50_000) // 100,000 bytes of UTF-8, more than a chunk holds
    const lines = await logged('info', async (app) => {
      for (let round = 0; round < 400; round++) app.log.info({ round }, 'a short line')
      app.log.info({ note }, 'a long line')
      app.log.info('the last line')
    })
    expect(lines).toHaveLength(402)
    expect(lines.slice(0, 400).map((line) => line.round)).toEqual([...Array(400).keys()])
    expect(lines[400]).toMatchObject({ msg: 'a long line', note })
    expect(lines[401]?.msg).toBe('the last line')
  })

  it('writes out what has gathered when the process dies of an uncaught error', async () => {
    dir = await mkdtemp(join(tmpdir(), 'examdesk-log-'))
    const file = join(dir, 'server.log')
    const module = new URL('../../src/http/server-log.ts', import.meta.url).href
    const script = [
      `const { openServerLog } = await import(${JSON.stringify(module)})`,
      `const log = openServerLog('info', ${JSON.stringify(file)})`,
      `for (let i = 0; i < 3; i++) log.logger.info({ i }, 'before the crash')`,
      `throw new Error('a bug')`,
    ].join('\n')
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', timeout: 30_000 },
    )
    expect(child.status).not.toBe(0)
    expect(child.stderr).toContain('a bug')
    const text = await readFile(file, 'utf8')
    expect(text.split('\n').filter((line) => line.includes('before the crash'))).toHaveLength(3)
  })
})
