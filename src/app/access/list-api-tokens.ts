import type { Kysely } from 'kysely'
import { countTokens, listTokens } from '../../db/access/api-tokens.js'
import type { DB } from '../../db/engine/schema.js'
import type { ApiToken } from '../../domain/api-token.js'
import { computePaging, type Page } from '../page.js'

/** Tokens oldest first, a page of them; never a secret or its hash, which are not in `ApiToken`. */
export async function listApiTokens(
  deps: { readonly db: Kysely<DB> },
  input: { readonly limit?: number; readonly offset?: number },
): Promise<Page<ApiToken>> {
  const [items, total] = await Promise.all([
    listTokens(deps.db, computePaging(input)),
    countTokens(deps.db),
  ])
  return { items, total }
}

/** Every token, oldest first, for the console. */
export function listAllApiTokens(deps: { readonly db: Kysely<DB> }): Promise<ApiToken[]> {
  return listTokens(deps.db)
}
