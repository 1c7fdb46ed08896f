import { connect, createServer, type Server, type Socket } from 'node:net'

/**
 * A TCP relay to a server that the test can cut and restore, as a network
 * failure or a database restart would: `cut()` stops listening (new
 * connections are refused) and drops every relayed connection; `restore()`
 * listens again on the same port.
 */
export interface TcpCut {
  readonly port: number
  cut(): Promise<void>
  restore(): Promise<void>
  close(): Promise<void>
}

export async function startTcpCut(target: { host: string; port: number }): Promise<TcpCut> {
  const sockets = new Set<Socket>()
  const track = (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  let server: Server = relay()
  function relay(): Server {
    return createServer((client) => {
      const upstream = connect(target.port, target.host)
      track(client)
      track(upstream)
      client.pipe(upstream)
      upstream.pipe(client)
      client.on('close', () => upstream.destroy())
      upstream.on('close', () => client.destroy())
    })
  }
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        const address = server.address()
        resolve(typeof address === 'object' && address ? address.port : port)
      })
    })
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve())
      for (const socket of sockets) socket.destroy()
    })
  const port = await listen(0)
  return {
    port,
    cut: stop,
    async restore() {
      server = relay()
      await listen(port)
    },
    close: () => (server.listening ? stop() : Promise.resolve()),
  }
}
