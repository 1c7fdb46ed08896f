import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { simpleParser } from 'mailparser'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** The server as `npm start` runs it, in a process of its own, on a fresh demo database. */
export interface StartedServer {
  readonly url: string
  /** Signs a person in as the web app does (a mailed code) and answers their browser's cookies. */
  signIn(email: string): Promise<readonly { name: string; value: string }[]>
  stop(): Promise<void>
}

/**
 * Starts `node dist/cli/main.js serve` (what `npm start` runs after its
 * build) with its defaults but a free port, a SQLite file (or the database
 * at `databaseUrl`) and a mail folder of its own in a temporary folder: the
 * request log at `info` goes to its stdout, as in a terminal, which is read
 * and dropped here.
 */
export async function startServer(options: { databaseUrl?: string } = {}): Promise<StartedServer> {
  const dir = mkdtempSync(join(tmpdir(), 'examdesk-web-bench-'))
  const mailDir = join(dir, 'mail')
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl ?? `sqlite:${join(dir, 'examdesk.db')}`,
      MAIL_DIR: mailDir,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const stop = async () => {
    await stopProcess(child)
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const url = await listeningUrl(child)
    return {
      url,
      stop,
      async signIn(email) {
        const known = new Set(mailFiles(mailDir))
        await post(url, '/v1/sign-in/email', { email })
        const code = await signInCode(mailDir, known)
        const answer = await post(url, '/v1/sign-in/code', { email, code })
        return answer.headers.getSetCookie().map((cookie) => {
          const [pair = ''] = cookie.split(';')
          const at = pair.indexOf('=')
          return { name: pair.slice(0, at), value: pair.slice(at + 1) }
        })
      },
    }
  } catch (error) {
    await stop()
    throw error
  }
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    const timer = setTimeout(
      () => reject(new Error('the server did not start within 60 s')),
      60_000,
    )
    // Every line is read, the request log's included, so that the server never waits on its stdout.
    lines.on('line', (line) => {
      const found = /examdesk is listening on (http:\/\/\S+)/.exec(line)
      if (found?.[1]) {
        clearTimeout(timer)
        resolve(found[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited with ${String(code)} before it listened`))
    })
  })
}

async function post(url: string, path: string, body: unknown): Promise<Response> {
  const answer = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!answer.ok) throw new Error(`${path} answered ${answer.status}: ${await answer.text()}`)
  return answer
}

function mailFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.eml'))
  } catch {
    return []
  }
}

/** The code of the sign-in mail the outbox worker writes to the mail folder (it polls every second or so). */
async function signInCode(dir: string, known: ReadonlySet<string>): Promise<string> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const fresh = mailFiles(dir)
      .filter((name) => !known.has(name))
      .sort((a, b) => statSync(join(dir, a)).mtimeMs - statSync(join(dir, b)).mtimeMs)
    for (const name of fresh) {
      const mail = await simpleParser(readFileSync(join(dir, name)))
      const code = /Or type code: +(\S+)/.exec(mail.text ?? '')?.[1]
      if (code) return code
    }
    await delay(100)
  }
  throw new Error('no sign-in mail arrived within 30 s')
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const killed = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(killed)
}
