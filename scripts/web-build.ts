import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build } from 'vite'

const CONFIG = new URL('../web/vite.config.ts', import.meta.url).pathname

/**
 * Builds the web app into `outDir` with the repository's Vite config, then
 * writes each script and style beside itself compressed (`.br`, `.gz`): the
 * server sends those to browsers that take them, so what a person downloads
 * is the compressed size `npm run bench` reports.
 */
export async function buildWebApp(outDir: string): Promise<void> {
  await build({
    configFile: CONFIG,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  })
  const assets = join(outDir, 'assets')
  for (const name of readdirSync(assets)) {
    if (!/\.(js|css|svg)$/.test(name)) continue
    const file = join(assets, name)
    const content = readFileSync(file)
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    )
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }))
  }
}
