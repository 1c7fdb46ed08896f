import { ensureAdminToken } from '../../app/api-tokens.js'
import { loadDemo } from '../../app/load-demo.js'
import type { Config } from '../../config.js'
import { redactUrl } from '../../db/database.js'
import { buildExamdeskApp } from '../../http/examdesk-app.js'
import { openStore } from '../open-store.js'

/** Starts the API: migrate, install the programme (and demo), make the first admin token, listen. */
export async function serve(config: Config): Promise<void> {
  const store = await openStore(config)
  const loaded = await loadDemo(store, config.demo)
  const admin = await ensureAdminToken(store, config.adminToken)
  const app = await buildExamdeskApp(store, { logger: { level: config.logLevel } })
  await app.listen({ port: config.port, host: config.host })

  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`
  const lines = [
    `examdesk is listening on ${base} (database ${redactUrl(config.databaseUrl)})`,
    `  API docs:     ${base}/docs`,
    `  OpenAPI:      ${base}/openapi.json`,
  ]
  if (loaded.exams > 0)
    lines.push(
      `  demo loaded:  ${loaded.exams} exams, ${loaded.candidates} candidates, ${loaded.attempts} attempts`,
    )
  if (admin?.generated) {
    lines.push(
      `  admin token:  ${admin.token}`,
      '                (shown once; store it now, or create another with `examdesk token create --role admin`)',
    )
  } else if (admin) {
    lines.push('  admin token:  the one given in EXAMDESK_ADMIN_TOKEN')
  }
  process.stdout.write(`${lines.join('\n')}\n`)

  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down')
    await app.close()
    await store.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
}
