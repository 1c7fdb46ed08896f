import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The repository root, where `src/cli/main.ts` and `node_modules/tsx` are. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

// Each run is a fresh Node process compiling TypeScript through tsx: about a second or two.
const RUN_TIMEOUT_MS = 30_000

/**
 * Runs `examdesk <args>` end to end, as `node --import tsx src/cli/main.ts`,
 * with `env` over the test's environment, and collects what it printed.
 */
export function runCli(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', NODE_NO_WARNINGS: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: RUN_TIMEOUT_MS,
    })
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
