/** Where the database URL of a run came from: the `--database` option, DATABASE_URL, or neither (the default). */
export type DatabaseSource = '--database' | 'DATABASE_URL' | 'default'

/**
 * The refusal of a command run against a SQLite file that is not there:
 * which file it looked for, and how to point at the right one. Without it,
 * a command run in the wrong folder would create an empty database there
 * and answer as if the programme had no candidates.
 */
export function describeMissingDatabase(file: string, url: string, source: DatabaseSource): string {
  const given =
    source === 'default' ? `${url}, used when DATABASE_URL is not set` : `${url}, from ${source}`
  return [
    `There is no database at ${file} (${given}); nothing was created.`,
    'Point examdesk at your database with DATABASE_URL=… or --database URL (sqlite:PATH or postgres://…),',
    'or run `examdesk migrate` (an empty database) or `examdesk demo` (the demo programme) to create one there.',
  ].join('\n')
}
