import { type Kysely, type Selectable, sql } from 'kysely'
import type { Account, AccountRole, CandidateSignUp } from '../../domain/account.js'
import type { Instant } from '../../domain/instant.js'
import { readInstant, readOptionalInstant, writeInstant } from '../engine/columns.js'
import type { Paging } from '../engine/paging.js'
import type { AccountTable, DB } from '../engine/schema.js'

/** An account with what its candidate gave at sign-up, while their record is not linked yet. */
export interface StoredAccount extends Account {
  readonly signUp: CandidateSignUp | null
}

/** Stores an account; a second one with the same email, whatever its case, is refused by the database. */
export async function insertAccount(db: Kysely<DB>, account: StoredAccount): Promise<void> {
  await db
    .insertInto('accounts')
    .values({
      id: account.id,
      role: account.role,
      display_name: account.displayName,
      email: account.email,
      candidate_id: account.candidateId,
      first_name: account.signUp?.firstName ?? null,
      last_name: account.signUp?.lastName ?? null,
      country: account.signUp?.country ?? null,
      time_zone: account.signUp?.timeZone ?? null,
      email_verified_at:
        account.emailVerifiedAt === null ? null : writeInstant(account.emailVerifiedAt),
      created_at: writeInstant(account.createdAt),
      disabled_at: account.disabledAt === null ? null : writeInstant(account.disabledAt),
    })
    .execute()
}

/** The account whose email is `email` whatever its case, or null. */
export async function findAccountByEmail(
  db: Kysely<DB>,
  email: string,
): Promise<StoredAccount | null> {
  const row = await db
    .selectFrom('accounts')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst()
  return row ? toAccount(row) : null
}

export async function findAccount(db: Kysely<DB>, id: string): Promise<StoredAccount | null> {
  const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toAccount(row) : null
}

/** The account linked to a candidate record, or null. */
export async function findAccountOfCandidate(
  db: Kysely<DB>,
  candidateId: string,
): Promise<StoredAccount | null> {
  const row = await db
    .selectFrom('accounts')
    .selectAll()
    .where('candidate_id', '=', candidateId)
    .executeTakeFirst()
  return row ? toAccount(row) : null
}

/**
 * Marks the email verified (once: a later sign-in keeps the first instant)
 * and, when given, links the candidate record with the name the account now
 * goes by; the sign-up facts are no longer needed once a record is linked.
 */
export async function verifyAccountEmail(
  db: Kysely<DB>,
  id: string,
  at: Instant,
  link: { readonly candidateId: string; readonly displayName: string } | null,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({
      email_verified_at: sql<string>`coalesce(email_verified_at, ${writeInstant(at)})`,
      ...(link === null
        ? {}
        : {
            candidate_id: link.candidateId,
            display_name: link.displayName,
            first_name: null,
            last_name: null,
            country: null,
            time_zone: null,
          }),
    })
    .where('id', '=', id)
    .execute()
}

/**
 * Gives an account a new email, verified at `at` (it was confirmed from that
 * address). Another account with the email, whatever its case, is refused
 * by the database's unique index.
 */
export async function changeAccountEmail(
  db: Kysely<DB>,
  id: string,
  email: string,
  at: Instant,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ email, email_verified_at: writeInstant(at) })
    .where('id', '=', id)
    .execute()
}

/**
 * Disables an account from `at` (null: enables it again); false when it
 * stood so already, so that a repeated request changes nothing.
 */
export async function setAccountDisabled(
  db: Kysely<DB>,
  id: string,
  at: Instant | null,
): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set({ disabled_at: at === null ? null : writeInstant(at) })
    .where('id', '=', id)
    .where('disabled_at', at === null ? 'is not' : 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Gives an account the name others are told it by. */
export async function renameAccount(
  db: Kysely<DB>,
  id: string,
  displayName: string,
): Promise<void> {
  await db.updateTable('accounts').set({ display_name: displayName }).where('id', '=', id).execute()
}

/** Accounts oldest first, a page of them. */
/** Every account, or only those of the roles given, oldest first. */
export async function listAccounts(
  db: Kysely<DB>,
  paging: Paging,
  roles?: readonly AccountRole[],
): Promise<StoredAccount[]> {
  const rows = await db
    .selectFrom('accounts')
    .selectAll()
    .$if(roles !== undefined, (query) => query.where('role', 'in', [...roles!]))
    .orderBy('created_at')
    .orderBy('id')
    .limit(paging.limit)
    .offset(paging.offset)
    .execute()
  return rows.map(toAccount)
}

export async function countAccounts(
  db: Kysely<DB>,
  roles?: readonly AccountRole[],
): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll().as('count'))
    .$if(roles !== undefined, (query) => query.where('role', 'in', [...roles!]))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

function toAccount(row: Selectable<AccountTable>): StoredAccount {
  const signUp =
    row.first_name !== null &&
    row.last_name !== null &&
    row.country !== null &&
    row.time_zone !== null
      ? {
          firstName: row.first_name,
          lastName: row.last_name,
          country: row.country,
          timeZone: row.time_zone,
        }
      : null
  return {
    id: row.id,
    role: row.role,
    displayName: row.display_name,
    email: row.email,
    candidateId: row.candidate_id,
    emailVerifiedAt: readOptionalInstant(row.email_verified_at),
    createdAt: readInstant(row.created_at),
    disabledAt: readOptionalInstant(row.disabled_at),
    signUp,
  }
}

/**
 * The candidate record an account with `email` claims: the oldest whose
 * email is the same whatever its case and that no account has claimed yet;
 * null when there is none.
 */
export async function findClaimableCandidate(
  db: Kysely<DB>,
  email: string,
): Promise<{ readonly id: string } | null> {
  const row = await db
    .selectFrom('candidates')
    .select('candidates.id')
    .where(sql<string>`lower(candidates.email)`, '=', email.toLowerCase())
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('accounts')
            .select('accounts.id')
            .whereRef('accounts.candidate_id', '=', 'candidates.id'),
        ),
      ),
    )
    .orderBy('candidates.created_at')
    .orderBy('candidates.id')
    .executeTakeFirst()
  return row ?? null
}
