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
    // Which files each page needs: `npm run bench` sums what the booking page downloads.
    manifest: true,
    reportCompressedSize: false,
    sourcemap: true,
  },
  server: {
    proxy: Object.fromEntries(SERVER_PATHS.map((path) => [path, { target: SERVER }])),
  },
})
