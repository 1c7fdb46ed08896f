/** What examdesk reads from its environment; `npm start` and `examdesk serve` alike. */
export interface Config {
  readonly port: number
  readonly host: string
  /** `sqlite:PATH` (the default, `sqlite:./data/examdesk.db`) or `postgres://…`. */
  readonly databaseUrl: string
  /** The admin token to install on first start instead of generating one. */
  readonly adminToken: string | undefined
  /** Load the demo catalogue into an empty database (on unless `EXAMDESK_DEMO=0`). */
  readonly demo: boolean
  readonly logLevel: string
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`)
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL ?? 'sqlite:./data/examdesk.db',
    adminToken: env.EXAMDESK_ADMIN_TOKEN || undefined,
    demo: !['0', 'false', 'no', 'off'].includes((env.EXAMDESK_DEMO ?? '1').toLowerCase()),
    logLevel: env.LOG_LEVEL ?? 'info',
  }
}
