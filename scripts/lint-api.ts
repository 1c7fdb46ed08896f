import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readOpenApiDocument } from './openapi-document.js'

/**
 * `npm run lint:api`: writes the document the server serves at /openapi.json
 * to a temporary file and runs Redocly's linter on it with the repository's
 * `redocly.yaml`.
 */
const REDOCLY = '@redocly/cli@2.77.0'

const document = await readOpenApiDocument()

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
