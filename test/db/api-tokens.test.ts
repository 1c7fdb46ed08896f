import { describe, expect, it } from 'vitest'
import {
  countTokens,
  findActiveTokenByHash,
  insertToken,
  revokeToken,
} from '../../src/db/access/api-tokens.js'
import { FACTORY_EPOCH } from '../factories/catalogue.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

describe.each(testDatabases())('API tokens on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  it('find an active token by its hash, and no longer once revoked', async () => {
    expect(await countTokens(db())).toBe(0)
    await insertToken(db(), {
      id: 't-1',
      tokenHash: 'hash-1',
      role: 'admin',
      label: 'Ops',
      createdAt: FACTORY_EPOCH,
    })
    await insertToken(db(), {
      id: 't-2',
      tokenHash: 'hash-2',
      role: 'provider',
      label: 'Pearson VUE',
      createdAt: FACTORY_EPOCH,
    })
    expect(await countTokens(db())).toBe(2)
    expect(await findActiveTokenByHash(db(), 'hash-2')).toEqual({
      id: 't-2',
      role: 'provider',
      label: 'Pearson VUE',
      providerId: null,
      expiresAt: null,
    })
    expect(await findActiveTokenByHash(db(), 'hash-3')).toBeNull()

    expect(await revokeToken(db(), 't-2', FACTORY_EPOCH + 1)).toBe(true)
    expect(await revokeToken(db(), 't-2', FACTORY_EPOCH + 2)).toBe(false)
    expect(await findActiveTokenByHash(db(), 'hash-2')).toBeNull()
    expect(await findActiveTokenByHash(db(), 'hash-1')).toEqual({
      id: 't-1',
      role: 'admin',
      label: 'Ops',
      providerId: null,
      expiresAt: null,
    })
    expect(await countTokens(db())).toBe(2)
  })
})
