import { type Kysely, sql } from 'kysely'
import type { Instant } from '../../domain/instant.js'
import { writeInstant } from '../engine/columns.js'
import type { DB } from '../engine/schema.js'
import { toCount } from './report-buckets.js'

export interface CodeCountRow {
  readonly offerId: string
  readonly offerVersion: number
  readonly offerName: string
  readonly issued: number
  readonly used: number
  readonly returned: number
  readonly forfeited: number
  readonly expired: number
}

type Key = `${string}\u0000${number}`
const keyOf = (offerId: string, version: number): Key => `${offerId}\u0000${version}`

/**
 * Per offer version, in the period: codes issued; uses of codes made
 * (`used`) and given back on a cancellation (`returned`); free retakes
 * given up by a booking that used the code otherwise (`forfeited`); and
 * codes whose expiry came (before now) with no use kept. With a provider,
 * only uses by registrations at it count; issuing and expiry are nobody's.
 */
export async function countCodes(
  db: Kysely<DB>,
  start: Instant,
  end: Instant,
  now: Instant,
  provider: string | null,
): Promise<CodeCountRow[]> {
  const from = writeInstant(start)
  const until = writeInstant(end)
  const issued = await db
    .selectFrom('vouchers')
    .select((eb) => ['offer_id', 'offer_version', eb.fn.countAll().as('n')])
    .where('issued_at', '>=', from)
    .where('issued_at', '<', until)
    .groupBy(['offer_id', 'offer_version'])
    .execute()
  const expired = await countExpiredCodes(db, from, writeInstant(Math.min(end, now)))
  const atProvider = (column: 'u.used_at' | 'u.returned_at') => {
    let query = db
      .selectFrom('voucher_uses as u')
      .innerJoin('vouchers as v', 'v.code', 'u.voucher_code')
      .where(column, '>=', from)
      .where(column, '<', until)
    if (provider !== null)
      query = query
        .innerJoin('registrations as r', 'r.id', 'u.registration_id')
        .where('r.provider_id', '=', provider)
    return query
  }
  const uses = await atProvider('u.used_at')
    .select([
      'v.offer_id',
      'v.offer_version',
      sql<unknown>`sum(case when u.kind = 'forfeited' then 0 else 1 end)`.as('used'),
      sql<unknown>`sum(case when u.kind = 'forfeited' then 1 else 0 end)`.as('forfeited'),
    ])
    .groupBy(['v.offer_id', 'v.offer_version'])
    .execute()
  const returned = await atProvider('u.returned_at')
    .select((eb) => ['v.offer_id', 'v.offer_version', eb.fn.countAll().as('n')])
    .groupBy(['v.offer_id', 'v.offer_version'])
    .execute()

  const table = codeCountTable()
  const row = table.row
  for (const r of issued) row(r.offer_id, r.offer_version).issued = toCount(r.n)
  for (const r of expired) row(r.offer_id, r.offer_version).expired = toCount(r.n)
  for (const r of returned) row(r.offer_id, r.offer_version).returned = toCount(r.n)
  for (const r of uses) {
    const found = row(r.offer_id, r.offer_version)
    found.used = toCount(r.used)
    found.forfeited = toCount(r.forfeited)
  }
  return table.finish(db)
}

/**
 * The report's rows per offer version: a row is made on its first mention
 * with every count at 0; `finish` names each version's offer and sorts them.
 */
export function codeCountTable() {
  const rows = new Map<Key, { -readonly [K in keyof CodeCountRow]: CodeCountRow[K] }>()
  return {
    row(offerId: string, version: number) {
      const key = keyOf(offerId, version)
      let found = rows.get(key)
      if (found === undefined) {
        found = {
          offerId,
          offerVersion: version,
          offerName: offerId,
          issued: 0,
          used: 0,
          returned: 0,
          forfeited: 0,
          expired: 0,
        }
        rows.set(key, found)
      }
      return found
    },
    async finish(db: Kysely<DB>): Promise<CodeCountRow[]> {
      const names = await findOfferNames(
        db,
        [...rows.values()].map((r) => r.offerId),
      )
      for (const [key, found] of rows) found.offerName = names.get(key) ?? found.offerId
      return [...rows.values()].sort(
        (a, b) => a.offerId.localeCompare(b.offerId) || a.offerVersion - b.offerVersion,
      )
    },
  }
}

/** Per offer version, codes whose expiry fell in [from, until) with no use kept (stored instants). */
export function countExpiredCodes(db: Kysely<DB>, from: string, until: string) {
  return db
    .selectFrom('vouchers as v')
    .select((eb) => ['v.offer_id', 'v.offer_version', eb.fn.countAll().as('n')])
    .where('v.expires_at', '>=', from)
    .where('v.expires_at', '<', until)
    .where('v.voided_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('voucher_uses as u')
            .select('u.id')
            .whereRef('u.voucher_code', '=', 'v.code')
            .where('u.returned_at', 'is', null),
        ),
      ),
    )
    .groupBy(['v.offer_id', 'v.offer_version'])
    .execute()
}

/** The name of each version of the offers named, by `offer\u0000version`. */
export async function findOfferNames(
  db: Kysely<DB>,
  offerIds: readonly string[],
): Promise<Map<Key, string>> {
  if (offerIds.length === 0) return new Map()
  const names = await db
    .selectFrom('offers')
    .select(['id', 'version', 'name'])
    .where('id', 'in', [...new Set(offerIds)])
    .execute()
  return new Map(names.map((name) => [keyOf(name.id, name.version), name.name]))
}
