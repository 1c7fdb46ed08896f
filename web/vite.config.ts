import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The API server answers these; in `npm run dev` the page server hands them on to it.
const SERVER = `http://127.0.0.1:${process.env.EXAMDESK_API_PORT ?? '3000'}`
const SERVER_PATHS = ['/v1', '/docs', '/openapi.json', '/healthz', '/metrics', '^/sign-in/.+']

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Every file's size compressed, in the build's own report: the budget is checked by `npm run bench`.
    reportCompressedSize: true,
    sourcemap: true,
  },
  server: {
    proxy: Object.fromEntries(SERVER_PATHS.map((path) => [path, { target: SERVER }])),
  },
})
