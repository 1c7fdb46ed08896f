import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildWebApp } from '../../scripts/web-build.js'

/**
 * Builds the web app once per test run into a folder of its own, exactly as
 * `npm run build` does, so that browser tests drive what users get and never
 * a stale dist/web.
 */
export async function buildWebAppForTests(): Promise<{ dir: string; remove(): Promise<void> }> {
  const parent = await mkdtemp(join(tmpdir(), 'examdesk-web-'))
  const dir = join(parent, 'web')
  await buildWebApp(dir)
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) }
}
