import type { Kysely } from 'kysely'
import { formatInstant, type Instant } from '../../domain/instant.js'
import type { OfferVersion } from '../../domain/offer.js'
import { readInstant, writeInstant } from '../engine/columns.js'
import { reusableQuery } from '../engine/reusable-query.js'
import type { DB } from '../engine/schema.js'

/**
 * Offers are rows, one per version; the terms are one JSON document with
 * instants as UTC text, so that a new offer or a new year's terms is data.
 */

type Terms = Omit<OfferVersion, 'offerId' | 'version' | 'name' | 'effectiveFrom'>

export async function insertOfferVersion(
  db: Kysely<DB>,
  offer: OfferVersion,
  createdAt: Instant,
): Promise<void> {
  const { offerId, version, name, effectiveFrom } = offer
  await db
    .insertInto('offers')
    .values({
      id: offerId,
      version,
      name,
      effective_from: writeInstant(effectiveFrom),
      terms: termsToJson(offer),
      created_at: writeInstant(createdAt),
    })
    .execute()
}

/** Every version of every offer (or of one), oldest first. */
export async function listOfferVersions(db: Kysely<DB>, offerId?: string): Promise<OfferVersion[]> {
  let query = db.selectFrom('offers').selectAll().orderBy('id').orderBy('version')
  if (offerId !== undefined) query = query.where('id', '=', offerId)
  const rows = await query.execute()
  return rows.map(toOffer)
}

export async function findOfferVersion(
  db: Kysely<DB>,
  offerId: string,
  version: number,
): Promise<OfferVersion | null> {
  const [row] = await offerVersion(db, offerId, version)
  return row ? toOffer(row) : null
}

/** The offer versions of these `[offerId, version]` pairs, keyed `offerId@version`, in one statement. */
export async function findOfferVersions(
  db: Kysely<DB>,
  versions: readonly (readonly [offerId: string, version: number])[],
): Promise<Map<string, OfferVersion>> {
  if (versions.length === 0) return new Map()
  const wanted = new Set(versions.map(([id, version]) => offerVersionKey(id, version)))
  // By offer, then the versions asked for: an offer has a handful of versions.
  const rows = await db
    .selectFrom('offers')
    .selectAll()
    .where('id', 'in', [...new Set(versions.map(([id]) => id))])
    .execute()
  return new Map(
    rows
      .filter((row) => wanted.has(offerVersionKey(row.id, Number(row.version))))
      .map((row) => [offerVersionKey(row.id, Number(row.version)), toOffer(row)]),
  )
}

export function offerVersionKey(offerId: string, version: number): string {
  return `${offerId}@${version}`
}

const offerVersion = reusableQuery((db, offerId: string, version: number) =>
  db.selectFrom('offers').selectAll().where('id', '=', offerId).where('version', '=', version),
)

const INSTANT_KEYS = new Set([
  'opensAt',
  'closesAt',
  'useBefore',
  'passedFrom',
  'passedUntil',
  'bookBefore',
])

/** Terms as stored: instants as text. */
export function termsToJson(offer: OfferVersion): string {
  const { offerId: _id, version: _v, name: _n, effectiveFrom: _e, ...terms } = offer
  return JSON.stringify(terms, (key, value) =>
    INSTANT_KEYS.has(key) && typeof value === 'number' ? formatInstant(value) : value,
  )
}

function toOffer(row: {
  id: string
  version: number
  name: string
  effective_from: string | Date
  terms: string
}): OfferVersion {
  const terms = JSON.parse(row.terms, (key, value) =>
    INSTANT_KEYS.has(key) && typeof value === 'string' ? readInstant(value) : value,
  ) as Terms
  return {
    offerId: row.id,
    version: row.version,
    name: row.name,
    effectiveFrom: readInstant(row.effective_from),
    ...terms,
  }
}
