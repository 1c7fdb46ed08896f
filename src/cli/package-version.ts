import { readFileSync } from 'node:fs'

/**
 * The version in package.json. Read at run time: the file is two folders up
 * from this module both as source (src/cli) and as built JavaScript
 * (dist/cli), and outside the compiler's root, so it cannot be imported.
 */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
  return (JSON.parse(text) as { version: string }).version
}
