import { execFile } from 'node:child_process'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const ROOT = join(import.meta.dirname, '..', '..')
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome')

/**
 * Plants a file with one import in a layer's folder and lints it with the
 * repository's configuration (`npm run lint` reads the same), so that the
 * boundaries in biome.json are known to hold, not only written down.
 */
async function lintPlanted(folder: string, importLine: string): Promise<string | null> {
  const file = join(
    ROOT,
    folder,
    `planted-${process.pid}-${Math.random().toString(36).slice(2)}.ts`,
  )
  await writeFile(file, `${importLine}\n\nexport const planted = typeof imported\n`)
  try {
    await run(BIOME, ['lint', '--max-diagnostics=5', file], { cwd: ROOT })
    return null
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string }
    return `${stdout}${stderr}`
  } finally {
    await rm(file, { force: true })
  }
}

describe('layer boundaries, kept by the linter', () => {
  it.each([
    [
      'web/src',
      "import { register as imported } from '../../src/app/registrations/register.js'",
      'only through the API',
    ],
    [
      'web/src',
      "import { findCandidate as imported } from '../../src/db/candidates/candidates.js'",
      'only through the API',
    ],
    [
      'src/domain',
      "import { findCandidate as imported } from '../db/candidates/candidates.js'",
      'The domain is pure',
    ],
    [
      'src/domain',
      "import { register as imported } from '../app/register.js'",
      'The domain is pure',
    ],
    [
      'src/app',
      "import { buildApp as imported } from '../http/build-app.js'",
      'never reach into a shell',
    ],
    [
      'src/app',
      "import { runCli as imported } from '../cli/run-cli.js'",
      'never reach into a shell',
    ],
    [
      'src/http/routes',
      "import { findCandidate as imported } from '../../db/candidates/candidates.js'",
      'Shells call use cases',
    ],
    [
      'src/cli/commands',
      "import { enqueueMail as imported } from '../../db/mail/outbox.js'",
      'Shells call use cases',
    ],
    [
      'src/jobs',
      "import { takeSeat as imported } from '../db/catalogue/seats.js'",
      'Shells call use cases',
    ],
    [
      'src/mail',
      "import { enqueueMail as imported } from '../db/mail/outbox.js'",
      'Mail composes and sends',
    ],
    [
      'src/mail',
      "import type { DB as imported } from '../db/engine/schema.js'",
      'Mail composes and sends',
    ],
  ])('refuses in %s: %s', async (folder, importLine, message) => {
    const output = await lintPlanted(folder, importLine)
    expect(output).toContain('noRestrictedImports')
    expect(output).toContain(message)
  })

  it.each([
    ['src/domain', "import { Temporal as imported } from 'temporal-polyfill'"],
    ['src/app', "import { findCandidate as imported } from '../db/candidates/candidates.js'"],
    [
      'src/http/routes',
      "import { register as imported } from '../../app/registrations/register.js'",
    ],
    ['src/cli', "import { openDatabase as imported } from '../db/engine/database.js'"],
    ['src/mail', "import type { Candidate as imported } from '../domain/candidate.js'"],
    ['web/src', "import { parseCountry as imported } from '../../src/domain/country.js'"],
  ])('allows in %s: %s', async (folder, importLine) => {
    expect(await lintPlanted(folder, importLine)).toBeNull()
  })
})
