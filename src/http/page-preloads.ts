import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** One chunk of the build's manifest (`.vite/manifest.json`), as Vite writes it. */
interface ManifestChunk {
  readonly file: string
  readonly isEntry?: boolean
  readonly imports?: readonly string[]
}

/**
 * The script each page of the app runs, by the address the server answers
 * it at (web/src/app.tsx loads each lazily). A first visit asks for the
 * page's own files in the page itself, beside the app's entry script,
 * rather than once that script has run: on a slow machine the entry takes
 * longer to run than the page's files take to arrive.
 */
export const PAGE_SOURCES: Readonly<Record<string, string>> = {
  '/': 'src/pages/home/home-page.tsx',
  '/sign-in': 'src/pages/sign-in.tsx',
  '/sign-up': 'src/pages/sign-up.tsx',
  '/help': 'src/pages/help.tsx',
  '/account': 'src/pages/account/account-page.tsx',
  '/exams/:exam': 'src/pages/exam/exam-page.tsx',
  '/seats': 'src/pages/seats/seats-page.tsx',
  '/book': 'src/pages/book/book-page.tsx',
  '/registrations/:id': 'src/pages/registration/registration-page.tsx',
}

/**
 * The `<link rel="modulepreload">` lines for the page at `path`: its chunk
 * and every chunk it imports, less what the entry script loads already.
 * Empty for a page the build does not name, or a build without a manifest.
 */
export function pagePreloads(dir: string): (path: string) => string {
  const manifestFile = join(dir, '.vite', 'manifest.json')
  if (!existsSync(manifestFile)) return () => ''
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>
  const closure = (key: string, seen: Set<string>) => {
    if (seen.has(key) || manifest[key] === undefined) return seen
    seen.add(key)
    for (const imported of manifest[key].imports ?? []) closure(imported, seen)
    return seen
  }
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry)
  const loaded = entry === undefined ? new Set<string>() : closure(entry, new Set())
  return (path) => {
    const source = PAGE_SOURCES[path]
    if (source === undefined) return ''
    return [...closure(source, new Set())]
      .filter((key) => !loaded.has(key))
      .map((key) => `<link rel="modulepreload" crossorigin href="/${manifest[key]!.file}">`)
      .join('\n    ')
  }
}
