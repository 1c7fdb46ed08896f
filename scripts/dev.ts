import { spawn } from 'node:child_process'
import { createServer } from 'vite'

/**
 * `npm run dev`: the API server from the sources, restarted when they change
 * (on EXAMDESK_API_PORT, 3000), and the web app with hot reload in front of
 * it (on PORT, 5173), which hands every API request on. Open the web app's
 * address; both stop with Ctrl-C.
 */
const apiPort = process.env.EXAMDESK_API_PORT ?? '3000'
const webPort = Number(process.env.PORT ?? 5173)

const api = spawn('npx', ['tsx', 'watch', 'src/cli/main.ts', 'serve'], {
  stdio: 'inherit',
  // Sign-in links and passkeys name the address people open: the web app's.
  env: {
    ...process.env,
    PORT: apiPort,
    EXAMDESK_PUBLIC_URL: process.env.EXAMDESK_PUBLIC_URL ?? `http://localhost:${webPort}`,
  },
})
const web = await createServer({
  configFile: new URL('../web/vite.config.ts', import.meta.url).pathname,
  server: { port: webPort, strictPort: true },
})
await web.listen()
web.printUrls()

function stop() {
  api.kill('SIGTERM')
  void web.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
api.on('exit', (code) => {
  void web.close().then(() => process.exit(code ?? 0))
})
