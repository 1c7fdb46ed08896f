import { parse } from '@formatjs/icu-messageformat-parser'
import react from '@vitejs/plugin-react'
import { tsImport } from 'tsx/esm/api'
import { defineConfig, type Plugin } from 'vite'

// The API server answers these; in `npm run dev` the page server hands them on to it.
const SERVER = `http://127.0.0.1:${process.env.EXAMDESK_API_PORT ?? '3000'}`
const SERVER_PATHS = ['/v1', '/docs', '/openapi.json', '/healthz', '/metrics', '^/sign-in/.+']

/**
 * Each language's messages as plain data, compiled ahead: a catalogue
 * module (each area's messages.ts merged, English and German side by side)
 * becomes the messages it evaluates to, each already parsed from ICU
 * syntax into react-intl's message tree. So the app's first script keeps
 * none of another language's text, and neither carries the ICU parser nor
 * parses a message in the reader's browser (the parser is swapped for
 * its no-parser build below).
 */
function cataloguesCompiled(): Plugin {
  return {
    name: 'examdesk-catalogues-compiled',
    apply: 'build',
    async load(id) {
      const language = /\/src\/i18n\/messages\/(en|de|ar)\.ts$/.exec(id)?.[1]
      if (language === undefined) return null
      const module = (await tsImport(id, import.meta.url)) as Record<string, Record<string, string>>
      const compiled = Object.fromEntries(
        Object.entries(module[language]!).map(([messageId, message]) => [
          messageId,
          parse(message),
        ]),
      )
      // JSON.parse of a string is read faster than the same object written as a literal.
      return `export const ${language} = JSON.parse(${JSON.stringify(JSON.stringify(compiled))})`
    },
  }
}

export default defineConfig(({ command }) => ({
  root: import.meta.dirname,
  plugins: [react(), cataloguesCompiled()],
  // Built messages come parsed (above); `npm run dev` parses them in the browser.
  resolve:
    command === 'build'
      ? {
          alias: [
            {
              find: /^@formatjs\/icu-messageformat-parser$/,
              replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
            },
          ],
        }
      : {},
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
}))
