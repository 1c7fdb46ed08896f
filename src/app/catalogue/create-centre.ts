import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { findProvider } from '../../db/catalogue/providers.js'
import { findCentre, insertCentres } from '../../db/catalogue/test-centres.js'
import type { DB } from '../../db/engine/schema.js'
import type { TestCentre } from '../../domain/test-centre.js'
import type { Clock } from '../clock.js'
import { AppError } from '../errors.js'
import { requireCountry, requireName, requireTimeZone } from '../input-fields.js'
import { runCommand } from '../run-command.js'

export interface CreateCentreInput {
  /** Default: a new UUIDv7. */
  readonly id?: string
  readonly provider: string
  readonly name: string
  readonly address: string
  readonly city: string
  /** ISO 3166-1 alpha-2, either case. */
  readonly country: string
  /** Degrees, -90 to 90; text is read as a decimal number (a CSV cell). */
  readonly latitude: number | string
  /** Degrees, -180 to 180. */
  readonly longitude: number | string
  /** IANA zone: the centre's clock. */
  readonly timeZone: string
}

/** Adds a test centre to a provider's network. */
export async function createCentre(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: CreateCentreInput,
): Promise<TestCentre> {
  const now = deps.clock.now()
  const exists = () =>
    new AppError('CENTRE_ALREADY_EXISTS', { field: 'id', centreId: input.id?.trim() ?? '' })
  // A concurrent request may store the same id between the check and the insert.
  return runCommand(deps, { onConflict: { test_centres: exists } }, async (trx) => {
    const centre = await prepareCentre(trx, input)
    if (await findCentre(trx, centre.id)) throw exists()
    await insertCentres(trx, [{ ...centre, createdAt: now }])
    return centre
  })
}

const CENTRE_ID = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/

/** Validates a centre against the providers without storing it (the CSV import checks every row first). */
export async function prepareCentre(db: Kysely<DB>, input: CreateCentreInput): Promise<TestCentre> {
  const id = input.id === undefined || input.id.trim() === '' ? uuidv7() : input.id.trim()
  if (!CENTRE_ID.test(id)) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'id',
      problem: 'must be letters, digits and inner . _ -, at most 64',
    })
  }
  const centre: TestCentre = {
    id,
    providerId: input.provider.trim(),
    name: requireName(input.name, 'name'),
    address: requireName(input.address, 'address'),
    city: requireName(input.city, 'city'),
    country: requireCountry(input.country),
    latitude: requireDegrees(input.latitude, 'latitude', 90),
    longitude: requireDegrees(input.longitude, 'longitude', 180),
    timeZone: requireTimeZone(input.timeZone),
  }
  if (!(await findProvider(db, centre.providerId)))
    throw new AppError('PROVIDER_UNKNOWN', { field: 'provider', provider: centre.providerId })
  return centre
}

const DECIMAL = /^\s*[-+]?\d{1,3}(?:\.\d+)?\s*$/

/** A latitude or longitude in degrees within ±`limit`, from a number or decimal text. */
function requireDegrees(value: number | string, field: string, limit: number): number {
  const degrees =
    typeof value === 'number' ? value : DECIMAL.test(value) ? Number(value) : Number.NaN
  if (!Number.isFinite(degrees) || Math.abs(degrees) > limit)
    throw new AppError('POSITION_INVALID', { field, value: String(value) })
  return degrees
}
