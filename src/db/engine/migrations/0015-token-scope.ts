import { instantType } from '../columns.js'
import type { AnyKysely } from '../dialect.js'

/**
 * A machine token may act for one provider (`provider_id`), stops working
 * at `expires_at` (null: never), and says when it was last used
 * (`last_used_at`, written at most once a minute per process). Tokens stored
 * before this keep no provider, no expiry and no last use.
 */
export async function up(db: AnyKysely): Promise<void> {
  const instant = instantType(db)
  await db.schema
    .alterTable('api_tokens')
    .addColumn('provider_id', 'text', (c) => c.references('providers.id'))
    .execute()
  await db.schema.alterTable('api_tokens').addColumn('expires_at', instant).execute()
  await db.schema.alterTable('api_tokens').addColumn('last_used_at', instant).execute()
}
