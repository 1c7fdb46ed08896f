import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** One chunk of the build's manifest (`dist/web/.vite/manifest.json`), as Vite writes it. */
interface ManifestChunk {
  readonly file: string
  readonly isEntry?: boolean
  readonly imports?: readonly string[]
  readonly css?: readonly string[]
}

/** What a browser downloads of some chunks and everything they import, as served. */
export interface Download {
  readonly files: readonly string[]
  readonly bytes: number
  readonly gzip: number
  readonly brotli: number
}

/**
 * The script files a page needs before it works: the entry chunk, the
 * page's own chunk (a route the app loads lazily) and every chunk either
 * imports statically, each once; lazily imported chunks are left out, as
 * the browser fetches them only when used. Sizes are the files as built
 * and their `.gz` and `.br` siblings, which the server sends.
 */
export function scriptsBeforePageWorks(webDir: string, pageSource: string): Download {
  const manifest = JSON.parse(
    readFileSync(join(webDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry)
  if (entry === undefined) throw new Error('the manifest names no entry chunk')
  if (manifest[pageSource] === undefined)
    throw new Error(`the manifest has no chunk for ${pageSource}: is it still loaded lazily?`)
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    for (const imported of manifest[key]?.imports ?? []) visit(imported)
  }
  visit(entry)
  visit(pageSource)
  const files = [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'))
  const size = (file: string) => statSync(join(webDir, file)).size
  return {
    files,
    bytes: files.reduce((sum, file) => sum + size(file), 0),
    gzip: files.reduce((sum, file) => sum + size(`${file}.gz`), 0),
    brotli: files.reduce((sum, file) => sum + size(`${file}.br`), 0),
  }
}
