import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

/**
 * `npm run build`'s second half: the web app into dist/web, unless nothing it
 * is made from changed since the last build (its sources, the domain code it
 * shares and the locked packages), so that a later `npm start` starts at once.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT = join(ROOT, 'dist', 'web')
const STAMP = join(OUT, '.source-hash')
const SOURCES = ['web', 'src/domain', 'package-lock.json']

function filesUnder(path: string): string[] {
  const full = join(ROOT, path)
  if (statSync(full).isFile()) return [full]
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

const hash = createHash('sha256')
for (const file of SOURCES.flatMap(filesUnder).sort()) {
  hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0')
}
const sourceHash = hash.digest('hex')

if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sourceHash) {
  console.log('web app: unchanged since its last build')
} else {
  await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn' })
  writeFileSync(STAMP, sourceHash)
  console.log('web app: built into dist/web')
}
