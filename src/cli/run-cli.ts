import { type Command, CommanderError } from 'commander'
import { type CliIo, createCliContext } from './cli-context.js'
import { EXIT_FAILED, EXIT_OK } from './exit-codes.js'
import { buildProgram } from './program.js'

/**
 * Runs `examdesk <argv>` with `io` in place of the process's streams,
 * environment, folder and clock, and answers its exit status (see
 * exit-codes.ts). It never exits the process, so that it can also run
 * inside another, as the tests run it.
 *
 * @example
 * process.exitCode = await runCli(['eligibility', '--candidate', 'cand-ana', '--exam', '70-620'], io)
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let status = EXIT_OK
  // Read by the context once the command line is parsed, so after it is built.
  let program: Command | undefined
  const cli = createCliContext(
    io,
    () => program?.opts<{ database?: string }>().database,
    (code) => {
      status = code
    },
  )
  program = buildProgram(cli)
  try {
    await program.parseAsync([...argv], { from: 'user' })
    return status
  } catch (error) {
    // Commander has written its own message (or the help, or the version) already.
    if (error instanceof CommanderError) return error.exitCode
    io.stderr.write(`examdesk: ${error instanceof Error ? error.message : String(error)}\n`)
    return EXIT_FAILED
  }
}
