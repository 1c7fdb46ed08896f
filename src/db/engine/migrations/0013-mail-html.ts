import type { AnyKysely } from '../dialect.js'

/**
 * Every mail has an HTML alternative beside its plain text, kept in the
 * outbox with it, so the outbox shows both parts of what was sent. Mail
 * stored before has none: its HTML is laid out from the text when it is sent.
 */
export async function up(db: AnyKysely): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('body_html', 'text').execute()
}
