import { describe, expect, it, vi } from 'vitest'
import { createToken } from '../../src/app/access/api-tokens.js'
import { recordLastUse } from '../../src/app/access/token-last-use.js'
import { findToken } from '../../src/db/access/api-tokens.js'
import { tokenPrincipal } from '../../src/domain/principal.js'
import { testDatabases } from '../support/databases.js'
import { NOW, useApp } from './scenario.js'

describe.each(testDatabases())('recording when a token was last used on $name', ({ open }) => {
  const { deps } = useApp(open)

  it('writes the first use, then at most once a minute, and logs a failure instead of throwing', async () => {
    const { id } = await createToken(deps(), { role: 'support', label: 'desk' })
    const principal = tokenPrincipal({ id, role: 'support', providerId: null })
    const failures = vi.fn()
    const used = recordLastUse(deps(), failures)
    const lastUsed = async () => (await findToken(deps().db, id))?.lastUsedAt
    used(principal, NOW)
    await vi.waitFor(async () => expect(await lastUsed()).toBe(NOW))
    used(principal, NOW + 59_999)
    used(principal, NOW + 60_000)
    await vi.waitFor(async () => expect(await lastUsed()).toBe(NOW + 60_000))
    used(principal, NOW + 90_000)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await lastUsed()).toBe(NOW + 60_000)
    expect(failures).not.toHaveBeenCalled()

    // A database that has gone away: the failure is handed over, not thrown at the request.
    const gone = await open()
    await gone.close()
    const broken = recordLastUse({ db: gone.db }, failures)
    broken(principal, NOW)
    await vi.waitFor(() => expect(failures).toHaveBeenCalledWith(expect.any(Error), id))
  })
})
