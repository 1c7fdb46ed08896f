import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Clock } from '../../src/app/clock.js'
import { runCli as runExamdesk } from '../../src/cli/run-cli.js'

/** The repository root, where `src/cli/main.ts` is. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** tsx's loader, named by its place: the command may run in a folder that cannot find the package. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export interface CliRunOptions {
  /** The folder the command runs in (default: the system's temporary folder). */
  readonly cwd?: string
  /** The clock the command reads (default: the machine's). */
  readonly clock?: Clock
}

/**
 * Runs `examdesk <args>` in this process, through the same entry as the
 * binary, with `env` as its whole environment, and collects what it
 * printed and its exit status.
 */
export async function runCli(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  options: CliRunOptions = {},
): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runExamdesk(args, {
    stdout: {
      write: (text) => {
        stdout += text
      },
    },
    stderr: {
      write: (text) => {
        stderr += text
      },
    },
    env: { ...env },
    cwd: options.cwd ?? tmpdir(),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  })
  return { code, stdout, stderr }
}

/**
 * Runs the binary itself, `node --import tsx src/cli/main.ts <args>`, in
 * `cwd`, with `env` over the test's environment less DATABASE_URL: a
 * process of its own, a second or two on an idle machine.
 */
export function spawnCli(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  cwd: string,
): Promise<CliRun> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', TSX, `${REPO_ROOT}src/cli/main.ts`, ...args],
      {
        cwd,
        env: { ...inherited, NODE_NO_WARNINGS: '1', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** A run's output, for assertion messages. */
export function describeRun(run: CliRun): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`
}
