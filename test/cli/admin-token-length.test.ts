import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

describe('examdesk serve with a short EXAMDESK_ADMIN_TOKEN', () => {
  it('refuses to start: exit 1, the reason on stderr, nothing served', async () => {
    const run = await runCli(['serve'], {
      EXAMDESK_ADMIN_TOKEN: 'admin',
      DATABASE_URL: 'sqlite::memory:',
      PORT: '0',
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe(
      'examdesk: EXAMDESK_ADMIN_TOKEN must be at least 32 characters, not 5; make one with: openssl rand -base64 32\n',
    )
  }, 20_000)
})
