import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../src/app/clock.js'
import { openDatabase } from '../src/db/engine/database.js'
import { buildExamdeskApp } from '../src/http/examdesk-app.js'

/**
 * `npm run lint:api`: builds the app in-process, writes the document it
 * serves at /openapi.json to a temporary file and runs Redocly's linter on
 * it with the repository's `redocly.yaml`. The routes only close over the
 * database, so an empty in-memory one will do.
 */
const REDOCLY = '@redocly/cli@2.77.0'

const database = await openDatabase('sqlite::memory:')
let document: string
try {
  const app = await buildExamdeskApp({ db: database.db, clock: systemClock })
  document = (await app.inject({ method: 'GET', url: '/openapi.json' })).body
  await app.close()
} finally {
  await database.close()
}

const dir = mkdtempSync(join(tmpdir(), 'examdesk-openapi-'))
try {
  const file = join(dir, 'openapi.json')
  // Indented, so that a problem is shown on its own line.
  writeFileSync(file, JSON.stringify(JSON.parse(document), null, 2))
  const lint = spawnSync(
    'npx',
    ['--yes', REDOCLY, 'lint', '--config', 'redocly.yaml', '--format', 'codeframe', file],
    {
      stdio: 'inherit',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  )
  process.exitCode = lint.status ?? 1
} finally {
  rmSync(dir, { recursive: true, force: true })
}
