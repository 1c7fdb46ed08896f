import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'

/**
 * Builds the web app once per test run into a folder of its own, exactly as
 * `npm run build` does (the same config), so that browser tests drive what
 * users get and never a stale dist/web.
 */
export async function buildWebAppForTests(): Promise<{ dir: string; remove(): Promise<void> }> {
  const parent = await mkdtemp(join(tmpdir(), 'examdesk-web-'))
  const dir = join(parent, 'web')
  await build({
    configFile: new URL('../../web/vite.config.ts', import.meta.url).pathname,
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true, sourcemap: false },
  })
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) }
}
