import { describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/app/clock.js'
import { AppError } from '../../src/app/errors.js'
import { runCommand } from '../../src/app/run-command.js'
import { claimIdempotencyKey } from '../../src/db/idempotency-keys.js'
import { testDatabases, useFreshDatabase } from '../support/databases.js'

const clock = fixedClock(Date.UTC(2026, 5, 15, 12))

describe.each(testDatabases())('a writing command on $name', ({ open }) => {
  const db = useFreshDatabase(open)

  const providers = async () =>
    (await db().selectFrom('providers').select('id').orderBy('id').execute()).map((row) => row.id)
  const addProvider = (id: string) =>
    db()
      .insertInto('providers')
      .values({ id, name: id })
      .execute()
      .then(() => id)

  it('acts once for a key: a retry gets the first answer, another request under it is refused', async () => {
    const deps = { db: db(), clock }
    const key = { principalId: 'token-1', key: 'k-1' }
    let runs = 0
    const command = (requestHash: string, id: string) =>
      runCommand(deps, { idempotency: { key, requestHash } }, async (trx) => {
        runs++
        await trx.insertInto('providers').values({ id, name: id }).execute()
        return { id }
      })

    expect(await command('first', 'kryterion')).toEqual({
      result: { id: 'kryterion' },
      replayed: false,
    })
    expect(await command('first', 'kryterion')).toEqual({
      result: { id: 'kryterion' },
      replayed: true,
    })
    await expect(command('second', 'psi')).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    })
    expect(runs).toBe(1)
    expect(await providers()).toEqual(['kryterion'])
  })

  it('stores nothing for a refusal, so a retry under the same key tries again', async () => {
    const deps = { db: db(), clock }
    const key = { principalId: 'token-1', key: 'k-2' }
    let refuse = true
    const command = () =>
      runCommand(deps, { idempotency: { key, requestHash: 'same' } }, async (trx) => {
        await trx.insertInto('providers').values({ id: 'psi', name: 'PSI' }).execute()
        if (refuse) throw new AppError('PROVIDER_UNKNOWN', { field: 'provider', provider: 'psi' })
        return 'made'
      })
    await expect(command()).rejects.toMatchObject({ code: 'PROVIDER_UNKNOWN' })
    expect(await providers()).toEqual([])
    refuse = false
    expect(await command()).toEqual({ result: 'made', replayed: false })
    expect(await providers()).toEqual(['psi'])
  })

  it('runs the last writes after the answer, and a failure there undoes the whole command', async () => {
    const deps = { db: db(), clock }
    const key = { principalId: 'token-1', key: 'k-3' }
    const order: string[] = []
    await expect(
      runCommand(deps, { idempotency: { key, requestHash: 'h' } }, async (trx, command) => {
        await trx.insertInto('providers').values({ id: 'psi', name: 'PSI' }).execute()
        command.afterAnswer(async () => {
          order.push('last writes')
          throw new AppError('SEAT_UNAVAILABLE', {
            field: 'slotId',
            slotId: 's',
            startsAtLocal: '',
          })
        })
        order.push('answer')
        return 'booked'
      }),
    ).rejects.toMatchObject({ code: 'SEAT_UNAVAILABLE' })
    expect(order).toEqual(['answer', 'last writes'])
    expect(await providers()).toEqual([])
    const stored = await db().selectFrom('idempotency_keys').select('key').execute()
    expect(stored).toEqual([])
  })

  it('turns a lost unique-index race into its refusal', async () => {
    const deps = { db: db(), clock }
    await addProvider('pearson-vue')
    const exists = () => new AppError('PROVIDER_ALREADY_EXISTS', { field: 'id', providerId: 'x' })
    await expect(
      runCommand(deps, { onConflict: { providers: exists } }, async (trx) => {
        await trx.insertInto('providers').values({ id: 'pearson-vue', name: 'again' }).execute()
      }),
    ).rejects.toMatchObject({ code: 'PROVIDER_ALREADY_EXISTS' })
    // A violation on a table not named is not the command's to explain.
    await expect(
      runCommand(deps, { onConflict: { exams: exists } }, async (trx) => {
        await trx.insertInto('providers').values({ id: 'pearson-vue', name: 'again' }).execute()
      }),
    ).rejects.not.toBeInstanceOf(AppError)
  })

  it('runs again after losing a race it may retry, and then sees what the twin wrote', async () => {
    const deps = { db: db(), clock }
    // The twin commits first; this command's first look came before that and saw nothing.
    await addProvider('psi')
    let runs = 0
    const made = await runCommand(deps, { onConflict: { providers: 'retry' } }, async (trx) => {
      runs++
      const found =
        runs > 1 &&
        (await trx.selectFrom('providers').select('id').where('id', '=', 'psi').executeTakeFirst())
      if (found) return 'kept the twin’s'
      await trx.insertInto('providers').values({ id: 'psi', name: 'PSI' }).execute()
      return 'made'
    })
    expect(made).toBe('kept the twin’s')
    expect(runs).toBe(2)
  })

  it('gives up retrying a race it keeps losing, with the database’s own error', async () => {
    const deps = { db: db(), clock }
    await addProvider('psi')
    let runs = 0
    await expect(
      runCommand(deps, { onConflict: { providers: 'retry' } }, async (trx) => {
        runs++
        await trx.insertInto('providers').values({ id: 'psi', name: 'PSI' }).execute()
      }),
    ).rejects.not.toBeInstanceOf(AppError)
    expect(runs).toBe(4)
  })

  it('lets a command claim its key with its own first statement, and claims one it did not take after its work', async () => {
    const deps = { db: db(), clock }
    const keys = async () =>
      (await db().selectFrom('idempotency_keys').select(['key', 'status_code']).execute()).map(
        (row) => `${row.key} ${row.status_code}`,
      )
    let runs = 0
    const command = (key: string, id: string, take: boolean) =>
      runCommand(
        deps,
        {
          idempotency: { key: { principalId: 'token-1', key }, requestHash: 'h' },
          claimKeyInWork: true,
        },
        async (trx, context) => {
          runs++
          const claim = take ? context.takeKeyClaim() : null
          if (claim !== null) {
            expect(claim).toMatchObject({ principalId: 'token-1', key, requestHash: 'h' })
            // Taken once: the command makes the claim.
            expect(context.takeKeyClaim()).toBeNull()
            await claimIdempotencyKey(trx, claim)
          }
          await trx.insertInto('providers').values({ id, name: id }).execute()
          return id
        },
      )

    expect(await command('taken', 'psi', true)).toEqual({ result: 'psi', replayed: false })
    expect(await command('left', 'kryterion', false)).toEqual({
      result: 'kryterion',
      replayed: false,
    })
    expect((await keys()).sort()).toEqual(['left 200', 'taken 200'])
    // Both keys hold: a retry of either gets the first answer without acting again.
    expect(await command('taken', 'other', true)).toEqual({ result: 'psi', replayed: true })
    expect(await command('left', 'other', false)).toEqual({ result: 'kryterion', replayed: true })
    expect(runs).toBe(4)
    expect(await providers()).toEqual(['kryterion', 'psi'])
  })
})
