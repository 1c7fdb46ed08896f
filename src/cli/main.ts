#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander'
import { createToken } from '../app/api-tokens.js'
import { loadDemo } from '../app/load-demo.js'
import { readConfig } from '../config.js'
import { openDatabase } from '../db/database.js'
import { migrateToLatest } from '../db/migrate.js'
import { WAVE_AUDIENCES, WAVE_CODE_MODES } from '../domain/invitation-wave.js'
import { ROLES, type Role } from '../http/principal.js'
import { applyCodeCommand } from './commands/apply-code.js'
import { releaseResultsCommand } from './commands/beta-results.js'
import { printEligibility } from './commands/eligibility.js'
import { generateSlotsCommand } from './commands/generate-slots-command.js'
import { releaseExpiredHoldsCommand } from './commands/holds.js'
import { importCentresFile } from './commands/import-centres-file.js'
import { importExamsFile } from './commands/import-exams-file.js'
import {
  cancelByPhone,
  listRegistrations,
  registerByPhone,
  rescheduleByPhone,
} from './commands/registrations.js'
import { serve } from './commands/serve.js'
import { issueVouchersCommand } from './commands/vouchers-issue.js'
import { composeWaveCommand, sendWaveCommand, waveActionCommand } from './commands/waves.js'
import { openStore } from './open-store.js'

const program = new Command('examdesk')
  .description(
    'Runs a certification exam programme. Configuration comes from the environment (DATABASE_URL, PORT, HOST, EXAMDESK_ADMIN_TOKEN, EXAMDESK_DEMO).',
  )
  .showHelpAfterError()

/** A commander parser for a count of `what`: digits only. */
const whole =
  (what: string) =>
  (value: string): number => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`must be a whole number of ${what}`)
    return Number(value)
  }

program
  .command('serve')
  .description(
    'start the HTTP API (migrates, installs the programme and, unless EXAMDESK_DEMO=0, the demo)',
  )
  .action(() => serve(readConfig()))

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const database = await openDatabase(readConfig().databaseUrl)
    try {
      const { error, results } = await migrateToLatest(database.db)
      for (const result of results ?? [])
        process.stdout.write(`${result.status.padEnd(8)} ${result.migrationName}\n`)
      if (error !== undefined) throw error
      if ((results ?? []).length === 0) process.stdout.write('Already up to date.\n')
    } finally {
      await database.close()
    }
  })

program
  .command('demo')
  .description('load the programme and the demo catalogue into an empty database')
  .action(async () => {
    const store = await openStore(readConfig())
    try {
      const loaded = await loadDemo(store, true)
      process.stdout.write(
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
  .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, (value: string): Role => {
    if (!(ROLES as readonly string[]).includes(value))
      throw new InvalidArgumentError(`must be one of ${ROLES.join(', ')}`)
    return value as Role
  })
  .option('--label <label>', 'what the token is for', 'cli')
  .action(async (options: { role: Role; label: string }) => {
    const store = await openStore(readConfig())
    try {
      const created = await createToken(store, options)
      process.stdout.write(`${created.token}\n`)
      process.stderr.write(
        `Created ${created.role} token ${created.id}; the secret above is not shown again.\n`,
      )
    } finally {
      await store.close()
    }
  })

program
  .command('eligibility')
  .description('may a candidate sit an exam, and if not, from when and why')
  .requiredOption('--candidate <id>', 'candidate id')
  .requiredOption('--exam <number>', 'exam number, 70-620 or 070-620')
  .option('--at <instant>', 'RFC 3339 instant (default: now)')
  .action((options: { candidate: string; exam: string; at?: string }) =>
    printEligibility(readConfig(), options),
  )

const importer = program.command('import').description('bulk imports')
importer
  .command('exams <file>')
  .description(
    'import exams from CSV (number,title[,family,status,betaOf,betaStart,betaEnd]); all rows or none',
  )
  .action((file: string) => importExamsFile(readConfig(), file))
importer
  .command('centres <file>')
  .description(
    'import test centres from CSV (id?,provider,name,address,city,country,latitude,longitude,timeZone); all rows or none',
  )
  .action((file: string) => importCentresFile(readConfig(), file))

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
    }) => generateSlotsCommand(readConfig(), options),
  )

const phone = {
  key: '--key <key>',
  keyHelp: 'idempotency key: repeating the command with it never acts twice',
}

program
  .command('register')
  .description('book a seat for a caller (recorded as support, by phone; the candidate is mailed)')
  .requiredOption('--candidate <id>', 'candidate id')
  .requiredOption('--exam <number>', 'exam number, 70-620 or 070-620')
  .requiredOption('--slot <id>', 'slot id (see GET /v1/slots)')
  .option(phone.key, phone.keyHelp)
  .action((options: { candidate: string; exam: string; slot: string; key?: string }) =>
    registerByPhone(readConfig(), options),
  )

program
  .command('reschedule')
  .description("move a registration to another slot, within the provider's window")
  .requiredOption('--registration <id>', 'registration id, as read out (any case, dashes optional)')
  .requiredOption('--slot <id>', 'the new slot id')
  .option(phone.key, phone.keyHelp)
  .action((options: { registration: string; slot: string; key?: string }) =>
    rescheduleByPhone(readConfig(), options),
  )

program
  .command('cancel')
  .description("cancel a registration, within the provider's window")
  .requiredOption('--registration <id>', 'registration id')
  .option(phone.key, phone.keyHelp)
  .action((options: { registration: string; key?: string }) => cancelByPhone(readConfig(), options))

const registrations = program.command('registrations').description('registrations')
registrations
  .command('list')
  .description("a candidate's registrations, newest first, with times on the centre's clock")
  .requiredOption('--candidate <id>', 'candidate id')
  .action((options: { candidate: string }) => listRegistrations(readConfig(), options.candidate))
registrations
  .command('apply-code')
  .description(
    'apply a voucher or discount code to a registration waiting for payment (recorded as support, by phone)',
  )
  .requiredOption('--registration <id>', 'registration id, as read out')
  .requiredOption('--code <code...>', 'the code; several for codes given together')
  .option('--preview', 'say what the code would do and cost; change nothing')
  .option('--acknowledge-forfeit', 'go ahead although the code gives up a free retake')
  .option(phone.key, phone.keyHelp)
  .action(
    (options: {
      registration: string
      code: string[]
      preview?: boolean
      acknowledgeForfeit?: boolean
      key?: string
    }) => applyCodeCommand(readConfig(), options),
  )

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
  .requiredOption('--out <file>', 'where to write the codes (CSV)')
  .action((options: { offer: string; count?: number; for?: string; batch: string; out: string }) =>
    issueVouchersCommand(readConfig(), options),
  )

const beta = program.command('beta').description('beta programmes')
beta
  .command('release-results')
  .description(
    "release beta results whose date has come (or one exam's): outcomes visible, mails, reward codes",
  )
  .option('--exam <number>', 'only this beta exam')
  .action((options: { exam?: string }) => releaseResultsCommand(readConfig(), options.exam))

const holds = program.command('holds').description('seats held for payment')
holds
  .command('release-expired')
  .description('release every unpaid hold whose time has run out (the server does it every 30 s)')
  .action(() => releaseExpiredHoldsCommand(readConfig()))

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
  .action((options) => composeWaveCommand(readConfig(), options))
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
    .action((options: { wave: string }) => waveActionCommand(readConfig(), action, options.wave))
}
waves
  .command('send')
  .description("put an open wave's invitation mails in the outbox; re-running sends nobody twice")
  .requiredOption('--wave <id>', 'wave id')
  .option('--chunk <n>', 'invitations per transaction (default 1000)', whole('invitations'))
  .action((options: { wave: string; chunk?: number }) => sendWaveCommand(readConfig(), options))

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`examdesk: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
