import { describe, expect, it } from 'vitest'
import {
  findActiveTokenByHash,
  findToken,
  insertToken,
  recordTokenUse,
} from '../../src/db/access/api-tokens.js'
import { writeInstant } from '../../src/db/engine/columns.js'
import * as tokenScope from '../../src/db/engine/migrations/0015-token-scope.js'
import { createProvider, FACTORY_EPOCH } from '../factories/catalogue.js'
import { testDatabases } from '../support/databases.js'
import { migrationsBefore } from '../support/migrations-before.js'

const BEFORE = migrationsBefore('0015-token-scope')

describe.each(testDatabases())('migration 0015-token-scope on $name', ({ open }) => {
  it('keeps stored tokens working, unbound, without expiry or last use; a provider must exist', async () => {
    const database = await open({ migrate: false })
    try {
      const { db } = database
      for (const migration of BEFORE) await migration.up(db)
      await db
        .insertInto('api_tokens')
        .values({
          id: 'old-provider',
          token_hash: 'hash-old',
          role: 'provider',
          label: 'Pearson booking',
          created_at: writeInstant(FACTORY_EPOCH),
          revoked_at: null,
        } as never)
        .execute()

      await tokenScope.up(db)

      expect(await findActiveTokenByHash(db, 'hash-old')).toEqual({
        id: 'old-provider',
        role: 'provider',
        label: 'Pearson booking',
        providerId: null,
        expiresAt: null,
      })
      expect(await findToken(db, 'old-provider')).toMatchObject({
        providerId: null,
        expiresAt: null,
        lastUsedAt: null,
      })

      await createProvider(db, { id: 'prometric', name: 'Prometric' })
      const bound = {
        id: 'bound',
        tokenHash: 'hash-bound',
        role: 'provider',
        label: 'Prometric',
        createdAt: FACTORY_EPOCH,
        providerId: 'prometric',
        expiresAt: FACTORY_EPOCH + 1000,
      } as const
      await insertToken(db, bound)
      expect(await findActiveTokenByHash(db, 'hash-bound')).toMatchObject({
        providerId: 'prometric',
        expiresAt: FACTORY_EPOCH + 1000,
      })
      await expect(
        insertToken(db, { ...bound, id: 'nowhere', tokenHash: 'h', providerId: 'nobody' }),
      ).rejects.toThrow(/foreign key/i)

      // A later use recorded elsewhere is not overwritten by an earlier one.
      await recordTokenUse(db, 'bound', FACTORY_EPOCH + 120_000)
      await recordTokenUse(db, 'bound', FACTORY_EPOCH + 60_000)
      expect((await findToken(db, 'bound'))?.lastUsedAt).toBe(FACTORY_EPOCH + 120_000)
    } finally {
      await database.close()
    }
  })
})
