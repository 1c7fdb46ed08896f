import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/database.js'
import { runCli } from './run-cli.js'

describe('phone-queue commands on SQLite (each spawns the CLI; PostgreSQL is covered by the API tests)', () => {
  let directory: string
  let env: Record<string, string>

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'examdesk-cli-reg-'))
    env = {
      DATABASE_URL: `sqlite:${join(directory, 'examdesk.db')}`,
      MAIL_DIR: join(directory, 'mail'),
    }
    expect((await runCli(['demo'], env)).code).toBe(0)
  })
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('books for a caller once per key, lists it, and cancels it', async () => {
    const { db, close } = await openDatabase(env.DATABASE_URL!)
    const slot = await db
      .selectFrom('slots')
      .innerJoin('test_centres', 'test_centres.id', 'slots.centre_id')
      .innerJoin('provider_exams', 'provider_exams.provider_id', 'test_centres.provider_id')
      .select('slots.id')
      .where('provider_exams.exam_number', '=', '070-680')
      .orderBy('slots.starts_at', 'desc')
      .executeTakeFirstOrThrow()
    await close()

    const args = [
      'register',
      '--candidate',
      'cand-kenji',
      '--exam',
      '70-680',
      '--slot',
      slot.id,
      '--key',
      'call-42',
    ]
    const first = await runCli(args, env)
    expect(first.stderr).toBe('')
    expect(first.stdout).toMatch(
      /^Booked: [2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4} {2}booked {2}070-680/,
    )
    const id = /Booked: (\S+)/.exec(first.stdout)![1]!
    const again = await runCli(args, env)
    expect(again.stdout).toContain(`Already done (same key): ${id}`)

    const list = await runCli(['registrations', 'list', '--candidate', 'cand-kenji'], env)
    expect(list.stdout.match(/070-680/g)).toHaveLength(1)
    expect(list.stdout).toMatch(/cancel until .+ [A-Z][a-z]+\/[A-Za-z_]+/)

    const cancelled = await runCli(['cancel', '--registration', id.toLowerCase()], env)
    expect(cancelled.stdout).toContain(`Cancelled: ${id}  cancelled`)
    const twice = await runCli(['cancel', '--registration', id], env)
    expect(twice.code).not.toBe(0)
    expect(twice.stderr).toContain('cancelled; it can no longer be changed')
  })
})
