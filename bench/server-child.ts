import type { ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'

/** The first line a server child prints (its ports, as JSON), or an error if it exits or stays silent. */
export function firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error('the server child has no stdout'))
    const lines = createInterface({ input: child.stdout })
    const timer = setTimeout(() => {
      finish()
      reject(new Error(`the server child said nothing within ${timeoutMs / 1000} s`))
    }, timeoutMs)
    const onExit = (code: number | null, signal: string | null) => {
      finish()
      reject(new Error(`the server child exited before it was ready (code ${code}, ${signal})`))
    }
    const finish = () => {
      clearTimeout(timer)
      child.off('exit', onExit)
      lines.close()
    }
    child.once('exit', onExit)
    lines.once('line', (line) => {
      finish()
      resolve(line)
    })
  })
}

/** SIGTERM to this child (by its pid), then SIGKILL if it has not gone within 10 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}
