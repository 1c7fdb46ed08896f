import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { AnyKysely } from '../dialect.js'

const PREFIX = 'voucher-issued:'
const STORED_CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{18}$/
const PAGE = 1000

/**
 * Voucher mail was keyed `voucher-issued:<code>`, so the code stood in the
 * dedupe key and in the Message-ID made from it. Each such key becomes
 * `voucher-issued:<fingerprint>`, the key new voucher mail gets
 * (`computeVoucherDedupeKey`): one code still has one key, so a mail queued
 * again for a code issued before this is still recognised as sent. A mail
 * sent but not yet recorded when this runs is sent again with the new
 * Message-ID: a receiver may show it twice, once.
 *
 * The fingerprint is copied here, not imported, so that this migration does
 * the same on every later version; `test/db/code-secrecy-migration.test.ts`
 * keeps it equal to the one new mail is keyed by.
 */
export async function up(db: AnyKysely): Promise<void> {
  let after = ''
  for (;;) {
    const rows: { id: string; dedupe_key: string }[] = await db
      .selectFrom('outbox')
      .select(['id', 'dedupe_key'])
      .where('dedupe_key', 'like', `${PREFIX}%`)
      .where(sql`length(dedupe_key)`, '=', PREFIX.length + 18)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute()
    for (const row of rows) {
      const code = row.dedupe_key.slice(PREFIX.length)
      if (!STORED_CODE.test(code)) continue
      await db
        .updateTable('outbox')
        .set({ dedupe_key: `${PREFIX}${fingerprint(code)}` })
        .where('id', '=', row.id)
        .execute()
    }
    if (rows.length < PAGE) return
    after = rows[rows.length - 1]!.id
  }
}

function fingerprint(code: string): string {
  return createHash('sha256').update(`examdesk voucher code\0${code}`).digest('hex').slice(0, 32)
}
