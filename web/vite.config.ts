import react from '@vitejs/plugin-react'
import { tsImport } from 'tsx/esm/api'
import { defineConfig, type Plugin } from 'vite'

// The API server answers these; in `npm run dev` the page server hands them on to it.
const SERVER = `http://127.0.0.1:${process.env.EXAMDESK_API_PORT ?? '3000'}`
const SERVER_PATHS = ['/v1', '/docs', '/openapi.json', '/healthz', '/metrics', '^/sign-in/.+']

/**
 * Each language but English as plain data: German's messages sit beside the
 * English ones in each area's messages.ts, so the script of a language is
 * the data it evaluates to, and the app's first script, which needs only
 * English, keeps none of the others' text.
 */
function cataloguesAsData(): Plugin {
  return {
    name: 'examdesk-catalogues-as-data',
    apply: 'build',
    async load(id) {
      const language = /\/src\/i18n\/messages\/(de|ar)\.ts$/.exec(id)?.[1]
      if (language === undefined) return null
      const module = (await tsImport(id, import.meta.url)) as Record<string, unknown>
      return `export const ${language} = ${JSON.stringify(module[language])}`
    },
  }
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), cataloguesAsData()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Which files each page needs: `npm run bench` sums what the booking page downloads.
    manifest: true,
    reportCompressedSize: false,
    sourcemap: true,
  },
  server: {
    proxy: Object.fromEntries(SERVER_PATHS.map((path) => [path, { target: SERVER }])),
  },
})
