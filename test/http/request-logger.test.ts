import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { lazyRequestLogger } from '../../src/http/request-logger.js'

function collected(level: string) {
  const lines: Record<string, unknown>[] = []
  const logger = pino({ level }, { write: (line: string) => lines.push(JSON.parse(line)) })
  return { logger, lines }
}

describe('a request’s own logger', () => {
  it('writes what a request logs with its id, as a pino child would', () => {
    const { logger, lines } = collected('info')
    const log = lazyRequestLogger(logger, { requestId: 'req-7' }, {})
    log.warn({ candidateId: 'cand-ana' }, 'mail failed')
    log.error(new Error('boom'))
    log.child({ job: 'outbox' }).info('sent')
    log.debug('below the level')
    expect(lines.map((line) => [line.requestId, line.msg, line.candidateId, line.job])).toEqual([
      ['req-7', 'mail failed', 'cand-ana', undefined],
      ['req-7', 'boom', undefined, undefined],
      ['req-7', 'sent', undefined, 'outbox'],
    ])
    expect((lines[1]!.err as { type: string }).type).toBe('Error')
  })

  it('keeps a route’s own level and says the level it logs at', () => {
    const { logger, lines } = collected('info')
    const quiet = lazyRequestLogger(logger, { requestId: 'req-8' }, { level: 'error' })
    expect(quiet.level).toBe('error')
    quiet.warn('not written')
    quiet.error('written')
    expect(lazyRequestLogger(logger, { requestId: 'req-9' }, {}).level).toBe('info')
    expect(lines.map((line) => line.msg)).toEqual(['written'])
  })
})
