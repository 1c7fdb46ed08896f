import type { AnyKysely } from '../dialect.js'

/**
 * A mail may be put in the outbox as the facts it is composed from (JSON in
 * `outbox.facts`) rather than as its text: a booking then writes a few
 * hundred bytes in its transaction, and the subject, text and calendar file
 * are composed when the mail is read or sent. While `facts` is set, the
 * composed columns hold nothing (`''`, `'[]'`); once the mail is sent they
 * hold what was sent and `facts` is null again.
 */
export async function up(db: AnyKysely): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('facts', 'text').execute()
}
