import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { REPO_ROOT } from '../cli/run-cli.js'
import { postgresStore, type SharedStore, sqliteStore } from '../support/server-process.js'

/**
 * The first start as a new user meets it: `npm start` (build, then serve)
 * prints lines to copy into a shell, after which its own request and the
 * README's quick-start examples run as written; a later start prints a line
 * that makes a token instead; and a start after an unchanged one does not
 * compile again.
 */

// The banner is one write: once its first line has come, all of it has.
const BANNER = /examdesk is listening on [^\n]*\n/
const START_TIMEOUT_MS = 240_000 // a fresh clone compiles everything first, on a busy machine

interface Started {
  readonly child: ChildProcess
  readonly output: () => string
}

/** `npm start` in the repository, as its own process group so that all of it stops together. */
function npmStart(env: Readonly<Record<string, string>>): Promise<Started> {
  const child = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_NO_WARNINGS: '1',
      LOG_LEVEL: 'warn',
      PORT: '0',
      HOST: '127.0.0.1',
      EXAMDESK_ADMIN_TOKEN: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  const collect = (chunk: string) => {
    output += chunk
  }
  child.stdout?.setEncoding('utf8').on('data', collect)
  child.stderr?.setEncoding('utf8').on('data', collect)
  return new Promise((resolve, reject) => {
    const onData = () => {
      if (!BANNER.test(output)) return
      child.stdout?.off('data', onData)
      child.off('exit', onExit)
      resolve({ child, output: () => output })
    }
    const onExit = (code: number | null) =>
      reject(new Error(`npm start exited (${code}) before its banner:\n${output}`))
    child.stdout?.on('data', onData)
    child.once('exit', onExit)
  })
}

/**
 * Stops the whole group and waits until every process of it has gone: npm
 * exits on the signal before the server it started has closed its
 * connections, and dropping the schema under a server still finishing its
 * jobs can deadlock with them.
 */
async function stop(started: Started | undefined): Promise<void> {
  const pid = started?.child.pid
  if (pid === undefined || !groupAlive(pid)) return
  signalGroup(pid, 'SIGTERM')
  const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 10_000)
  // Bounded: where nothing reaps orphans, a process killed stays listed as a zombie.
  const giveUpAt = Date.now() + 15_000
  while (groupAlive(pid) && Date.now() < giveUpAt)
    await new Promise((resolve) => setTimeout(resolve, 50))
  clearTimeout(timer)
}

/** Whether any process of the group our child leads is still there: a signal 0 delivers nothing. */
function groupAlive(pid: number): boolean {
  return signalGroup(pid, 0)
}

/** Signals the process group our child leads; one that has already gone is no error, and false. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
    return false
  }
}

/** The lines the banner asks to copy into a shell. */
function linesToCopy(banner: string): string {
  const after = banner.split('Copy these lines into a shell')[1] ?? ''
  return after
    .split('\n')
    .filter((line) => line.startsWith('  '))
    .map((line) => line.trim())
    .join('\n')
}

/** The README's quick-start examples that use the server's address. */
function readmeExamples(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')
  const quickStart = readme.split('## Quick start')[1]?.split('\n## ')[0] ?? ''
  const blocks = [...quickStart.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '')
  return blocks.filter((block) => block.includes('$EXAMDESK')).join('\n')
}

/** Runs `script` in bash where a user would: failing on the first error, curl failing on an HTTP error. */
function bash(script: string, env: Readonly<Record<string, string>>) {
  const { TOKEN: _token, EXAMDESK: _address, ...outer } = process.env
  const strict = 'set -euo pipefail\ncurl() { command curl --fail-with-body -sS "$@"; }\n'
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('bash', ['-c', strict + script], {
      cwd: REPO_ROOT,
      env: { ...outer, NODE_NO_WARNINGS: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const built = () => statSync(join(REPO_ROOT, 'dist', '.tsbuildinfo')).mtimeMs

const engines: { readonly name: string; readonly open: () => Promise<SharedStore> }[] = [
  { name: 'sqlite', open: sqliteStore },
]
if (inject('postgres')?.reachable ?? true) {
  engines.push({ name: 'postgres', open: () => postgresStore('firststart') })
}

describe.each(engines)('the first and a later `npm start` on $name', ({ open }) => {
  let store: SharedStore | undefined
  let mailDir: string | undefined
  let server: Started | undefined
  afterAll(async () => {
    await stop(server)
    await store?.remove()
    if (mailDir) await rm(mailDir, { recursive: true, force: true })
  })

  it(
    'prints lines to copy after which the printed request and the README examples work; later, a line that makes a token',
    async () => {
      store = await open()
      mailDir = await mkdtemp(join(tmpdir(), 'examdesk-first-start-'))
      const env = { DATABASE_URL: store.url, MAIL_DIR: mailDir }

      server = await npmStart(env)
      const first = server.output()
      const lines = linesToCopy(first)
      expect(lines).toMatch(/^export EXAMDESK=http:\/\/127\.0\.0\.1:\d+$/m)
      expect(lines).toMatch(/^export TOKEN=exd_\S+$/m)
      expect(lines).not.toContain(':3000')
      const tried = await bash(lines, env)
      expect(tried.stderr).toBe('')
      expect(tried.code).toBe(0)
      expect(JSON.parse(tried.stdout)).toMatchObject({ eligible: expect.any(Boolean) })

      const examples = await bash(`${lines}\n${readmeExamples()}`, env)
      expect(examples.code, examples.stderr).toBe(0)
      expect(examples.stdout).toContain('"candidateId":"cand-kenji"')
      expect(examples.stdout).toContain('"accepted"')

      await stop(server)
      const buildOfFirstStart = built()
      server = await npmStart(env)
      const later = server.output()
      // Nothing changed since the first start's build: the second does not compile again.
      expect(built()).toBe(buildOfFirstStart)
      expect(later).not.toContain(first.match(/export TOKEN=(exd_\S+)/)?.[1] ?? 'no token')
      const hint = linesToCopy(later)
      expect(hint).toContain('export TOKEN=$(npx examdesk token create --role admin)')
      const again = await bash(hint, env)
      expect(again.code, again.stderr).toBe(0)
      expect(JSON.parse(again.stdout)).toMatchObject({ eligible: expect.any(Boolean) })
    },
    2 * START_TIMEOUT_MS,
  )
})
