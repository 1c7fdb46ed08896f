import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import * as codeSecrecy from '../../src/db/engine/migrations/0017-code-secrecy.js'
import { enqueueMail, enqueueMails } from '../../src/db/mail/outbox.js'
import { voucherCodeFromBytes } from '../../src/domain/voucher-code.js'
import { computeVoucherDedupeKey } from '../../src/mail/compose-voucher-mail.js'
import { mailMessage } from '../factories/mail.js'
import { testDatabases } from '../support/databases.js'
import { migrationsBefore } from '../support/migrations-before.js'

const BEFORE = migrationsBefore('0017-code-secrecy')

const newCode = () => voucherCodeFromBytes(randomBytes(16))

describe.each(testDatabases())('migration 0017-code-secrecy on $name', ({ open }) => {
  it('rekeys stored voucher mail by the fingerprint new mail gets, so a code still has one mail', async () => {
    const database = await open({ migrate: false })
    try {
      const { db } = database
      for (const migration of BEFORE) await migration.up(db)
      // More than one page of the migration's reading, and mail of other kinds beside it.
      const codes = Array.from({ length: 1003 }, newCode)
      await enqueueMails(
        db,
        codes.map((code) =>
          mailMessage({ kind: 'voucher-issued', dedupeKey: `voucher-issued:${code}` }),
        ),
      )
      const other = mailMessage({ kind: 'registration-confirmed', dedupeKey: 'test:kept-as-is' })
      await enqueueMail(db, other)

      await codeSecrecy.up(db)

      const keys = await db
        .selectFrom('outbox')
        .select(['dedupe_key', 'kind'])
        .orderBy('dedupe_key')
        .execute()
      const voucherKeys = keys.filter((row) => row.kind === 'voucher-issued')
      expect(voucherKeys.map((row) => row.dedupe_key).sort()).toEqual(
        codes.map(computeVoucherDedupeKey).sort(),
      )
      expect(keys.find((row) => row.kind !== 'voucher-issued')?.dedupe_key).toBe('test:kept-as-is')
      const stored = JSON.stringify(keys)
      for (const code of codes) expect(stored).not.toContain(code)

      // The code's mail queued again after the upgrade is the mail already there.
      const again = mailMessage({
        kind: 'voucher-issued',
        dedupeKey: computeVoucherDedupeKey(codes[0]!),
      })
      expect(await enqueueMail(db, again)).toBe(false)

      // Run again (a second process meeting the same database), it changes nothing.
      await codeSecrecy.up(db)
      const after = await db
        .selectFrom('outbox')
        .select('dedupe_key')
        .orderBy('dedupe_key')
        .execute()
      expect(after.map((row) => row.dedupe_key)).toEqual(keys.map((row) => row.dedupe_key))
    } finally {
      await database.close()
    }
  })
})
