import { Command, Help, InvalidArgumentError, Option } from 'commander'
import { loadDemo } from '../app/operations/load-demo.js'
import { openDatabase } from '../db/engine/database.js'
import { migrateToLatest } from '../db/engine/migrate.js'
import { STAFF_ROLES, type StaffRole } from '../domain/account.js'
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from '../domain/api-token.js'
import { WAVE_AUDIENCES, WAVE_CODE_MODES } from '../domain/invitation-wave.js'
import { PAYABLE_METHODS } from '../domain/offer.js'
import { TOKEN_ROLES, type TokenRole } from '../domain/principal.js'
import type { CliContext } from './cli-context.js'
import {
  type CreateAccountOptions,
  changeAccountEmailCommand,
  createAccountCommand,
  listAccountsCommand,
} from './commands/accounts.js'
import { type ApplyCodeOptions, applyCodeCommand } from './commands/apply-code.js'
import { releaseResultsCommand } from './commands/beta-results.js'
import { printEligibility } from './commands/eligibility.js'
import { generateSlotsCommand } from './commands/generate-slots-command.js'
import { releaseExpiredHoldsCommand } from './commands/holds.js'
import { importCentresFile } from './commands/import-centres-file.js'
import { importExamsFile } from './commands/import-exams-file.js'
import { type RegisterByPhoneOptions, registerByPhone } from './commands/register-by-phone.js'
import { cancelByPhone, listRegistrations, rescheduleByPhone } from './commands/registrations.js'
import { serve } from './commands/serve.js'
import {
  type CreateTokenOptions,
  createTokenCommand,
  listTokensCommand,
  revokeTokenCommand,
} from './commands/tokens.js'
import { issueVouchersCommand } from './commands/vouchers-issue.js'
import { composeWaveCommand, sendWaveCommand, waveActionCommand } from './commands/waves.js'
import { EXIT_NOT_ELIGIBLE } from './exit-codes.js'
import { packageVersion } from './package-version.js'

/** A commander parser for a count of `what`: digits only. */
const whole =
  (what: string) =>
  (value: string): number => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`must be a whole number of ${what}`)
    return Number(value)
  }

/** A repeatable option's values, in the order given. */
const collect = (value: string, previous: readonly string[] | undefined) => [
  ...(previous ?? []),
  value,
]

const plainHelp = new Help()

/**
 * The `examdesk` command line, writing through `cli`. Commander does not
 * exit the process: a refusal of the command line is thrown as a
 * CommanderError carrying its exit code, for `runCli` to return.
 */
export function buildProgram(cli: CliContext): Command {
  // Set before the commands are added, which inherit them.
  const program = new Command('examdesk')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => cli.stdout.write(text),
      writeErr: (text) => cli.stderr.write(text),
      getOutHelpWidth: () => cli.terminal?.columns ?? 80,
      getErrHelpWidth: () => cli.terminal?.columns ?? 80,
    })
    .configureHelp({
      showGlobalOptions: true,
      // Commander marks nothing; a person reading the help must see what is required.
      optionDescription: (option: Option) => {
        const described = plainHelp.optionDescription(option)
        return option.mandatory ? `${described} (required)` : described
      },
    })
    .showHelpAfterError()
    .description(
      'Runs a certification exam programme. Configuration comes from the environment (DATABASE_URL, PORT, HOST, EXAMDESK_ADMIN_TOKEN, EXAMDESK_DEMO). Exit status: 0 done, 1 refused or failed (the reason on stderr), 3 not eligible (eligibility).',
    )
    .version(packageVersion(), '-V, --version', 'print the version of examdesk')
    .option(
      '--database <url>',
      'the database, over DATABASE_URL: sqlite:PATH or postgres://… (default sqlite:./data/examdesk.db)',
    )

  program
    .command('serve')
    .description(
      'start the HTTP API (migrates, installs the programme and, unless EXAMDESK_DEMO=0, the demo); creates the database if it is not there',
    )
    // Its own process always: a relative SQLite path is read from the process's folder as given.
    .action(() => serve(cli.config()))

  program
    .command('migrate')
    .description('bring the database schema up to date; creates the database if it is not there')
    .action(async () => {
      const database = await openDatabase(cli.databaseUrl())
      try {
        const { error, results } = await migrateToLatest(database.db)
        for (const result of results ?? [])
          cli.stdout.write(`${result.status.padEnd(8)} ${result.migrationName}\n`)
        if (error !== undefined) throw error
        if ((results ?? []).length === 0) cli.stdout.write('Already up to date.\n')
      } finally {
        await database.close()
      }
    })

  program
    .command('demo')
    .description(
      'load the programme and the demo catalogue into an empty database; creates the database if it is not there',
    )
    .action(async () => {
      const store = await cli.openStore({ create: true })
      try {
        const loaded = await loadDemo(store, true)
        cli.stdout.write(
          loaded.exams > 0
            ? `Loaded ${loaded.exams} exams, ${loaded.candidates} candidates and ${loaded.attempts} attempts.\n` +
                `Loaded ${loaded.centres} test centres with ${loaded.slots} slots.\n`
            : 'The catalogue already has exams; nothing loaded.\n',
        )
      } finally {
        await store.close()
      }
    })

  const token = program.command('token').description('API tokens')
  token
    .command('create')
    .description('create an API token; its secret is printed once')
    .requiredOption(
      '--role <role>',
      `one of ${TOKEN_ROLES.join(', ')}`,
      (value: string): TokenRole => {
        if (!(TOKEN_ROLES as readonly string[]).includes(value))
          throw new InvalidArgumentError(`must be one of ${TOKEN_ROLES.join(', ')}`)
        return value as TokenRole
      },
    )
    .option('--label <label>', 'what the token is for', 'cli')
    .option(
      '--provider <id>',
      'the provider a provider token acts for (required for that role, refused for the others)',
    )
    .option(
      '--expires-in-days <days>',
      `how many days it works (1 to ${MAX_TOKEN_DAYS}; default ${DEFAULT_TOKEN_DAYS})`,
      whole('days'),
    )
    .option(
      '--expires-at <instant>',
      'when it stops working (RFC 3339), instead of a number of days',
    )
    .action((options: CreateTokenOptions) => createTokenCommand(cli, options))
  token
    .command('list')
    .description(
      'every token: id, role, its provider (provider tokens), created, expiry, last used (to the minute), active, expired or revoked when, label (secrets are not kept, so never shown)',
    )
    .action(() => listTokensCommand(cli))
  token
    .command('revoke <id>')
    .description(
      'revoke a token by its id (see token list); requests with it are refused from then on',
    )
    .action((id: string) => revokeTokenCommand(cli, id))

  const account = program
    .command('account')
    .description("people's accounts: candidates make their own; staff accounts are made here")
  account
    .command('create')
    .description(
      "create a support agent's or an admin's account; they sign in by mail (POST /v1/sign-in/email), which verifies the email",
    )
    .requiredOption(
      '--role <role>',
      `one of ${STAFF_ROLES.join(', ')}`,
      (value: string): StaffRole => {
        if (!(STAFF_ROLES as readonly string[]).includes(value))
          throw new InvalidArgumentError(`must be one of ${STAFF_ROLES.join(', ')}`)
        return value as StaffRole
      },
    )
    .requiredOption(
      '--name <name>',
      'how candidates are told of this person ("registered for you by …")',
    )
    .requiredOption('--email <email>', 'where sign-in mail goes')
    .action((options: CreateAccountOptions) => createAccountCommand(cli, options))
  account
    .command('list')
    .description(
      'every account, oldest first: id, role, email, candidate record, when the email was verified, name',
    )
    .action(() => listAccountsCommand(cli))
  account
    .command('change-email <account>')
    .description(
      "change a staff account's email (the account by its id or its email): the new address is mailed a link and a code, and the email changes once the staff member confirms it; a candidate changes their own",
    )
    .requiredOption('--email <email>', 'the new email')
    .action((named: string, options: { email: string }) =>
      changeAccountEmailCommand(cli, named, options),
    )

  program
    .command('eligibility')
    .description(
      `may a candidate sit an exam, and if not, from when and why; exits ${EXIT_NOT_ELIGIBLE} when not eligible`,
    )
    .requiredOption('--candidate <id>', 'candidate id')
    .requiredOption('--exam <number>', 'exam number, 70-620 or 070-620')
    .option('--at <instant>', 'RFC 3339 instant (default: now)')
    .option('--json', 'print the decision as JSON, as the API answers it')
    .action(async (options: { candidate: string; exam: string; at?: string; json?: boolean }) => {
      if (!(await printEligibility(cli, options))) cli.setExitCode(EXIT_NOT_ELIGIBLE)
    })

  const importer = program.command('import').description('bulk imports')
  importer
    .command('exams <file>')
    .description(
      'import exams from CSV (number,title[,family,status,betaOf,betaStart,betaEnd]); all rows or none',
    )
    .action((file: string) => importExamsFile(cli, file))
  importer
    .command('centres <file>')
    .description(
      'import test centres from CSV (id?,provider,name,address,city,country,latitude,longitude,timeZone); all rows or none',
    )
    .action((file: string) => importCentresFile(cli, file))

  const slots = program.command('slots').description('appointment slots at test centres')
  slots
    .command('generate')
    .description(
      "create a centre's slots from a schedule on its clock; a start that already has a slot is skipped",
    )
    .requiredOption('--centre <id>', 'test centre id')
    .requiredOption(
      '--from <when>',
      "RFC 3339 instant, or a date (the start of that day on the centre's clock)",
    )
    .requiredOption('--to <when>', 'as --from; exclusive')
    .requiredOption('--every <interval>', '30m, 2h (elapsed time) or 1d (same wall-clock time)')
    .option('--daily <hours>', "opening hours on the centre's clock, such as 09:00-17:00")
    .option('--days <days>', 'days of the week, such as mon-fri or mon,wed,fri')
    .option('--capacity <seats>', 'seats per slot (default 20)', whole('seats'))
    .action(
      (options: {
        centre: string
        from: string
        to: string
        every: string
        daily?: string
        days?: string
        capacity?: number
      }) => generateSlotsCommand(cli, options),
    )

  const phone = {
    key: '--key <key>',
    keyHelp: 'idempotency key: repeating the command with it never acts twice',
    agent: '--agent-email <email>',
    agentHelp:
      'the email of the support or admin account taking the call: the candidate is told its name (see account list)',
    reason: '--reason <text>',
    reasonHelp: 'why you act for the caller, shown to the candidate with your name',
  }

  program
    .command('register')
    .description(
      'book a seat for a caller, recorded as made by phone by the staff member named, and print the amount due. ' +
        'With --payment the booking is paid at once and the confirmation mail goes out; without it, ' +
        'a booking with an amount due holds its seat until paid and nothing is mailed before then',
    )
    .requiredOption('--candidate <id>', 'candidate id')
    .requiredOption('--exam <number>', 'exam number, 70-620 or 070-620')
    .requiredOption('--slot <id>', 'slot id (see GET /v1/slots)')
    .option(
      '--code <code>',
      'voucher, discount or promotion code, judged as at booking through the API; repeat for more than one',
      collect,
    )
    .option(
      '--acknowledge-forfeit',
      'the caller heard that the codes would give up a free retake, and books anyway',
    )
    .option(
      '--acknowledge-deadlines',
      'the caller heard that the seat can no longer be rescheduled or cancelled, and books anyway',
    )
    .addOption(
      new Option('--payment <method>', 'pay what is due now, by this method').choices([
        ...PAYABLE_METHODS,
      ]),
    )
    .option(
      '--payment-reference <text>',
      'with --payment: card authorisation, company voucher or invoice number',
    )
    .option(
      '--currency <code>',
      "ISO 4217 code of the price (default: the exam's USD price, or its only one)",
    )
    .option(phone.key, phone.keyHelp)
    .requiredOption(phone.agent, phone.agentHelp)
    .requiredOption(phone.reason, phone.reasonHelp)
    .action((options: RegisterByPhoneOptions) => registerByPhone(cli, options))

  program
    .command('reschedule')
    .description("move a registration to another slot, within the provider's window")
    .requiredOption(
      '--registration <id>',
      'registration id, as read out (any case, dashes optional)',
    )
    .requiredOption('--slot <id>', 'the new slot id')
    .option(
      '--acknowledge-deadlines',
      'the caller heard that the new seat can no longer be rescheduled or cancelled, and moves anyway',
    )
    .option(phone.key, phone.keyHelp)
    .requiredOption(phone.agent, phone.agentHelp)
    .requiredOption(phone.reason, phone.reasonHelp)
    .action(
      (options: {
        registration: string
        slot: string
        acknowledgeDeadlines?: boolean
        key?: string
        agentEmail: string
        reason?: string
      }) => rescheduleByPhone(cli, options),
    )

  program
    .command('cancel')
    .description("cancel a registration, within the provider's window")
    .requiredOption('--registration <id>', 'registration id')
    .option(phone.key, phone.keyHelp)
    .requiredOption(phone.agent, phone.agentHelp)
    .requiredOption(phone.reason, phone.reasonHelp)
    .action(
      (options: { registration: string; key?: string; agentEmail: string; reason?: string }) =>
        cancelByPhone(cli, options),
    )

  const registrations = program.command('registrations').description('registrations')
  registrations
    .command('list')
    .description("a candidate's registrations, newest first, with times on the centre's clock")
    .requiredOption('--candidate <id>', 'candidate id')
    .action((options: { candidate: string }) => listRegistrations(cli, options.candidate))
  registrations
    .command('apply-code')
    .description(
      'apply a voucher or discount code to a registration waiting for payment (recorded as made by phone by the staff member named)',
    )
    .requiredOption('--registration <id>', 'registration id, as read out')
    .requiredOption('--code <code...>', 'the code; several for codes given together')
    .option('--preview', 'say what the code would do and cost; change nothing')
    .option('--acknowledge-forfeit', 'go ahead although the code gives up a free retake')
    .option(phone.key, phone.keyHelp)
    .option(phone.agent, `${phone.agentHelp}; required unless --preview`)
    .option(phone.reason, `${phone.reasonHelp}; required unless --preview`)
    .action((options: ApplyCodeOptions) => applyCodeCommand(cli, options))

  const vouchers = program.command('vouchers').description('voucher codes')
  vouchers
    .command('issue')
    .description(
      'issue a batch of codes under an offer and write them to CSV (position,code,candidateId,expiresAt); the same --batch again gives the same codes',
    )
    .requiredOption('--offer <id>', 'offer id; codes carry the version in force now')
    .addOption(
      new Option('--count <n>', 'how many bearer codes')
        .argParser((value: string): number => {
          if (!/^[1-9]\d*$/.test(value))
            throw new InvalidArgumentError('must be a whole number from 1')
          return Number(value)
        })
        .conflicts('for'),
    )
    .option('--for <file>', 'CSV with a candidateId column: one code for each, mailed to them')
    .requiredOption('--batch <id>', 'batch id: re-running with it resumes or repeats the batch')
    .requiredOption(
      '--out <file>',
      'where to write the codes (CSV); checked before any code is issued',
    )
    .action(
      (options: { offer: string; count?: number; for?: string; batch: string; out: string }) =>
        issueVouchersCommand(cli, options),
    )

  const beta = program.command('beta').description('beta programmes')
  beta
    .command('release-results')
    .description(
      "release beta results whose date has come (or one exam's): outcomes visible, mails, reward codes",
    )
    .option('--exam <number>', 'only this beta exam')
    .action((options: { exam?: string }) => releaseResultsCommand(cli, options.exam))

  const holds = program.command('holds').description('seats held for payment')
  holds
    .command('release-expired')
    .description('release every unpaid hold whose time has run out (the server does it every 30 s)')
    .action(() => releaseExpiredHoldsCommand(cli))

  const waves = program.command('waves').description('invitation waves of a beta programme')
  waves
    .command('compose')
    .description(
      "compose a beta exam's next wave: its invitees and their codes (nobody is mailed yet)",
    )
    .requiredOption('--exam <number>', 'the beta exam, 71-620 or 071-620')
    .requiredOption('--name <name>', 'what the wave is, for admins')
    .addOption(
      new Option('--audience <audience>', 'who it invites')
        .choices([...WAVE_AUDIENCES])
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--code-mode <mode>', 'one bound code per invitee, or one bearer code per wave')
        .choices([...WAVE_CODE_MODES])
        .default('single-use'),
    )
    .option(
      '--hours-after-previous <hours>',
      'open time of the previous wave first (default 72)',
      whole('hours'),
    )
    .option('--for <file>', 'for --audience list: CSV with a candidateId column')
    .action((options) => composeWaveCommand(cli, options))
  for (const [action, description] of [
    ['open', 'open a wave after its self-check: its invitees join the roster, its clock starts'],
    ['pause', "pause a wave's priority clock (registration is not working for it)"],
    ['resume', 'resume a paused wave, after the self-check'],
    ['withdraw', 'withdraw a wave that never opened: its codes stop working'],
    ['show', "a wave's status, open time and counts"],
  ] as const) {
    waves
      .command(action)
      .description(description)
      .requiredOption('--wave <id>', 'wave id')
      .action((options: { wave: string }) => waveActionCommand(cli, action, options.wave))
  }
  waves
    .command('send')
    .description("put an open wave's invitation mails in the outbox; re-running sends nobody twice")
    .requiredOption('--wave <id>', 'wave id')
    .option('--chunk <n>', 'invitations per transaction (default 1000)', whole('invitations'))
    .action((options: { wave: string; chunk?: number }) => sendWaveCommand(cli, options))

  return program
}
