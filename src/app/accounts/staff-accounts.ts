import { v7 as uuidv7 } from 'uuid'
import {
  countAccounts,
  findAccount,
  findAccountByEmail,
  insertAccount,
  listAccounts,
} from '../../db/accounts/accounts.js'
import { isUniqueViolation } from '../../db/engine/unique-violation.js'
import {
  type Account,
  type AccountRole,
  STAFF_ROLES,
  type StaffRole,
} from '../../domain/account.js'
import type { Actor } from '../actor.js'
import type { AppDeps } from '../app-deps.js'
import { auditAction } from '../audit-action.js'
import { AppError } from '../errors.js'
import { requireEmail, requireName } from '../input-fields.js'
import { computePaging, MAX_PAGE_LIMIT, type Page } from '../page.js'
import { runCommand } from '../run-command.js'

export interface StaffAccountInput {
  readonly role: StaffRole
  readonly displayName: string
  readonly email: string
}

/**
 * An admin makes a support agent's or an admin's account. The person signs
 * in by mail (POST /v1/sign-in/email), which verifies the email; no mail is
 * sent now. An email that has an account already, whatever its case, is
 * ACCOUNT_EMAIL_TAKEN.
 */
export async function createStaffAccount(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: StaffAccountInput,
): Promise<Account> {
  const email = requireEmail(input.email)
  const now = deps.clock.now()
  const account = {
    id: uuidv7(),
    role: input.role,
    displayName: requireName(input.displayName, 'displayName'),
    email,
    candidateId: null,
    emailVerifiedAt: null,
    createdAt: now,
    disabledAt: null,
  }
  const taken = () => new AppError('ACCOUNT_EMAIL_TAKEN', { field: 'email', email })
  try {
    await runCommand(deps, {}, async (trx) => {
      if ((await findAccountByEmail(trx, email)) !== null) throw taken()
      await insertAccount(trx, { ...account, signUp: null })
      await auditAction(trx, actor, now, {
        candidateId: null,
        subjectType: 'account',
        subjectId: account.id,
        action: 'account-created',
        detail: { role: account.role, displayName: account.displayName },
      })
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw taken()
    throw error
  }
  return account
}

/** Every account (or only staff's, or only candidates'), oldest first, a page of them. */
export async function listAllAccounts(
  deps: Pick<AppDeps, 'db'>,
  input: {
    readonly limit?: number
    readonly offset?: number
    readonly kind?: 'staff' | 'candidate'
  },
): Promise<Page<Account>> {
  const roles: readonly AccountRole[] | undefined =
    input.kind === undefined ? undefined : input.kind === 'staff' ? STAFF_ROLES : ['candidate']
  const [items, total] = await Promise.all([
    listAccounts(deps.db, computePaging(input), roles),
    countAccounts(deps.db, roles),
  ])
  return { items: items.map(withoutSignUp), total }
}

/** The account of a signed-in person (a session holds its account: it cannot be missing). */
export async function getAccount(deps: Pick<AppDeps, 'db'>, id: string): Promise<Account> {
  const found = await findAccount(deps.db, id)
  if (found === null) throw new Error(`account ${id} of a live session is missing`)
  return withoutSignUp(found)
}

export function withoutSignUp(stored: Account & { readonly signUp?: unknown }): Account {
  const { signUp: _signUp, ...account } = stored
  return account
}

/** The account an operator names by its id or by its email (whatever its case), or null. */
export async function findNamedAccount(
  deps: Pick<AppDeps, 'db'>,
  named: string,
): Promise<Account | null> {
  const text = named.trim()
  const found = text.includes('@')
    ? await findAccountByEmail(deps.db, text)
    : await findAccount(deps.db, text)
  return found === null ? null : withoutSignUp(found)
}

/** Every account, oldest first, for the console. */
export async function listEveryAccount(deps: Pick<AppDeps, 'db'>): Promise<Account[]> {
  const accounts: Account[] = []
  for (let offset = 0; ; offset += MAX_PAGE_LIMIT) {
    const page = await listAccounts(deps.db, { limit: MAX_PAGE_LIMIT, offset })
    accounts.push(...page.map(withoutSignUp))
    if (page.length < MAX_PAGE_LIMIT) return accounts
  }
}
