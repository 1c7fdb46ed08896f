import { requestStaffEmailChange } from '../../app/accounts/request-email-change.js'
import {
  createStaffAccount,
  findNamedAccount,
  listEveryAccount,
} from '../../app/accounts/staff-accounts.js'
import { AppError } from '../../app/errors.js'
import type { Account, StaffRole } from '../../domain/account.js'
import { formatInstant } from '../../domain/instant.js'
import { readMailSettings } from '../../mail/mail-settings.js'
import type { CliContext } from '../cli-context.js'
import { consoleActor } from '../console-account.js'

export interface CreateAccountOptions {
  readonly role: StaffRole
  readonly name: string
  readonly email: string
}

/** `examdesk account create`: a support agent's or an admin's account; they sign in by mail. */
export async function createAccountCommand(
  cli: CliContext,
  options: CreateAccountOptions,
): Promise<void> {
  const store = await cli.openStore()
  try {
    const account = await createStaffAccount(store, consoleActor('admin'), {
      role: options.role,
      displayName: options.name,
      email: options.email,
    }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'ACCOUNT_EMAIL_TAKEN')
        throw new Error(
          `${options.email} has an account already; \`examdesk account list\` shows it.`,
        )
      throw error
    })
    cli.stdout.write(`${account.id}\n`)
    cli.stderr.write(
      `Created ${account.role} account ${account.id} for ${account.displayName} <${account.email}>; they sign in by mail: POST /v1/sign-in/email {"email": "${account.email}"}.\n`,
    )
  } finally {
    await store.close()
  }
}

/**
 * `examdesk account change-email`: an admin asks to change a staff
 * account's email, as `POST /v1/admin/accounts/{id}/email` does. The new
 * address is mailed a link and a code; the email changes only once the
 * staff member confirms from it. The account is named by its id or its
 * email; the answer is the same whether or not another account has the
 * new address, which is then mailed that it has one.
 */
export async function changeAccountEmailCommand(
  cli: CliContext,
  named: string,
  options: { readonly email: string },
): Promise<void> {
  const store = await cli.openStore()
  try {
    const mail = readMailSettings(cli.config())
    const account = await findNamedAccount(store, named)
    if (account === null)
      throw new Error(`No account is ${named}; \`examdesk account list\` shows every account.`)
    await requestStaffEmailChange(
      { ...store, mail, publicUrl: mail.publicUrl },
      consoleActor('admin'),
      account.id,
      { email: options.email },
      { address: null, userAgent: null },
    )
    cli.stdout.write(
      `Asked to change the email of ${account.displayName} (${account.id}) to ${options.email.trim()}: a mail with a link and a code that confirm it is on its way there (each works once, for 15 minutes). The email stays ${account.email} until ${account.displayName} confirms.\n`,
    )
  } finally {
    await store.close()
  }
}

/** `examdesk account list`: one line an account, oldest first. */
export async function listAccountsCommand(cli: CliContext): Promise<void> {
  const store = await cli.openStore()
  try {
    const accounts = await listEveryAccount(store)
    if (accounts.length === 0) cli.stdout.write('No accounts.\n')
    for (const account of accounts) cli.stdout.write(`${describeAccount(account)}\n`)
  } finally {
    await store.close()
  }
}

/** id, role, email, candidate record, verified, disabled, name. */
function describeAccount(account: Account): string {
  return [
    account.id,
    account.role.padEnd(9),
    account.email,
    ...(account.candidateId === null ? [] : [`candidate ${account.candidateId}`]),
    account.emailVerifiedAt === null
      ? 'email not verified'
      : `verified ${formatInstant(account.emailVerifiedAt)}`,
    ...(account.disabledAt === null ? [] : [`disabled ${formatInstant(account.disabledAt)}`]),
    account.displayName,
  ].join('  ')
}
