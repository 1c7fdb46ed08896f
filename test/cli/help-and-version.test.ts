import { readFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { createCliContext } from '../../src/cli/cli-context.js'
import { buildProgram } from '../../src/cli/program.js'
import { describeRun, REPO_ROOT, runCli } from './run-cli.js'

/** Every command that runs something, with the words that name it (`['token', 'create']`). */
function leafCommands(command: Command, path: readonly string[] = []): string[][] {
  if (command.commands.length === 0) return [[...path]]
  return command.commands.flatMap((sub) => leafCommands(sub, [...path, sub.name()]))
}

describe('examdesk --help and --version', () => {
  it('--version prints the version of the package', async () => {
    const { version } = JSON.parse(await readFile(`${REPO_ROOT}package.json`, 'utf8'))
    const run = await runCli(['--version'], {})
    expect(run.code, describeRun(run)).toBe(0)
    expect(run.stdout).toBe(`${version}\n`)
  })

  it('marks every required option as required in its command’s help, and no other', async () => {
    const quiet = { write: () => true }
    const program = buildProgram(
      createCliContext(
        { stdout: quiet, stderr: quiet, env: {}, cwd: '/' },
        () => undefined,
        () => {},
      ),
    )
    const commands = leafCommands(program)
    expect(commands).toContainEqual(['eligibility'])
    for (const path of commands) {
      const run = await runCli([...path, '--help'], {})
      expect(run.code, describeRun(run)).toBe(0)
      const command = path.reduce(
        (parent, name) => parent.commands.find((c) => c.name() === name)!,
        program,
      )
      for (const option of command.options) {
        const line = run.stdout.split('\n').find((text) => text.startsWith(`  ${option.flags} `))
        expect(line, `${path.join(' ')} ${option.flags}`).toBeDefined()
        // A long description wraps: the mark ends the option's entry, on its last line.
        const entry = run.stdout.slice(run.stdout.indexOf(line!)).split(/\n {2}-/)[0]!
        expect(entry.includes('(required)'), `${path.join(' ')} ${option.flags}`).toBe(
          option.mandatory,
        )
      }
    }
    const eligibility = await runCli(['eligibility', '--help'], {})
    expect(eligibility.stdout).toMatch(/^ {2}--candidate <id> +candidate id \(required\)$/m)
    expect(eligibility.stdout).toMatch(/^ {2}--at <instant> +RFC 3339 instant \(default: now\)$/m)
  })

  it('register --help tells a support agent about codes, payment and when the candidate is mailed', async () => {
    const run = await runCli(['register', '--help'], {})
    const help = run.stdout.replace(/\s+/g, ' ')
    expect(help).toContain('--code <code> voucher, discount or promotion code')
    expect(help).toContain(
      '--payment <method> pay what is due now, by this method (choices: "card", "company-voucher", "invoice")',
    )
    expect(help).toContain('--acknowledge-forfeit')
    expect(help).toContain(
      'With --payment the booking is paid at once and the confirmation mail goes out',
    )
    expect(help).toContain('nothing is mailed before then')
    expect(help).toMatch(
      /--agent-email <email> the email of the support or admin account .+ \(required\)/,
    )
    expect(help).toMatch(/--reason <text> why you act for the caller.+ \(required\)/)
  })
})
