import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable } from './database-unavailable.js'

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code })

describe('isDatabaseUnavailable', () => {
  it('recognises a database that is away, on either engine', () => {
    for (const error of [
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P03', 'the database system is starting up'),
      withCode('08006'),
      withCode('53300', 'sorry, too many clients already'),
      withCode('ECONNREFUSED'),
      withCode('ECONNRESET'),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('Connection terminated due to connection timeout', {
        cause: new Error('Connection terminated unexpectedly'),
      }),
      new Error('timeout exceeded when trying to connect'),
      withCode('SQLITE_BUSY', 'database is locked'),
      withCode('SQLITE_BUSY_SNAPSHOT'),
      withCode('SQLITE_IOERR_WRITE'),
      withCode('SQLITE_FULL', 'database or disk is full'),
    ])
      expect(isDatabaseUnavailable(error), error.message).toBe(true)
  })

  it('leaves refusals and bugs alone', () => {
    for (const error of [
      withCode('23505', 'duplicate key value violates unique constraint'),
      withCode('42P01', 'relation does not exist'),
      withCode('40001', 'could not serialize access'),
      withCode('SQLITE_CONSTRAINT_UNIQUE'),
      withCode('SQLITE_READONLY', 'attempt to write a readonly database'),
      withCode('SQLITE_BUSYNESS'),
      new TypeError('cannot read properties of undefined'),
      'a string',
      null,
    ])
      expect(isDatabaseUnavailable(error), String(error)).toBe(false)
  })
})
