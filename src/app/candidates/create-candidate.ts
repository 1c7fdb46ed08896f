import type { Kysely } from 'kysely'
import { v7 as uuidv7 } from 'uuid'
import { insertCandidate } from '../../db/candidates/candidates.js'
import type { DB } from '../../db/engine/schema.js'
import type { Candidate } from '../../domain/candidate.js'
import type { Clock } from '../clock.js'
import { requireCountry, requireEmail, requireName, requireTimeZone } from '../input-fields.js'
import { runCommand } from '../run-command.js'

export interface CreateCandidateInput {
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  readonly country: string
  readonly timeZone: string
}

/** Registers a person who will sit exams, findable by name and email at once. */
export async function createCandidate(
  deps: { readonly db: Kysely<DB>; readonly clock: Clock },
  input: CreateCandidateInput,
): Promise<Candidate> {
  const candidate: Candidate = {
    id: uuidv7(),
    firstName: requireName(input.firstName, 'firstName'),
    lastName: requireName(input.lastName, 'lastName'),
    email: requireEmail(input.email),
    country: requireCountry(input.country),
    timeZone: requireTimeZone(input.timeZone),
    createdAt: deps.clock.now(),
  }
  await runCommand(deps, {}, (trx) => insertCandidate(trx, candidate))
  return candidate
}
