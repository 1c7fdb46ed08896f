import { isIP } from 'node:net'

/**
 * Which proxies' `X-Forwarded-For` examdesk believes (Fastify's `trustProxy`):
 * none (false), or the proxies at these addresses.
 */
export type TrustProxy = false | readonly string[]

/** Names proxy-addr (Fastify's reader of X-Forwarded-For) knows for address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal'])

/**
 * Reads `TRUST_PROXY`: unset or `false` trusts no proxy (the client is the
 * connection's peer); otherwise a comma-separated list of addresses, CIDR
 * ranges or `loopback`, `linklocal`, `uniquelocal`. `true` is refused: it
 * would let any client name its own address; so is a hop count, which
 * Fastify 5 no longer honours (it cannot tell a proxy from a client).
 *
 * @example
 * parseTrustProxy('10.0.0.0/8, 127.0.0.1') // ['10.0.0.0/8', '127.0.0.1']
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim()
  if (text === '' || text.toLowerCase() === 'false') return false
  if (text.toLowerCase() === 'true' || /^\d+$/.test(text)) {
    throw new Error(
      `TRUST_PROXY takes the proxies' addresses or CIDR ranges, not "${text}": \`true\` would let any client choose its own address, and Fastify ignores a hop count`,
    )
  }
  const entries = text.split(',').map((entry) => entry.trim())
  for (const entry of entries) {
    if (!isProxyEntry(entry))
      throw new Error(
        `TRUST_PROXY: "${entry}" is not an address, a CIDR range, loopback, linklocal or uniquelocal`,
      )
  }
  return entries
}

function isProxyEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true
  const [address = '', prefix, ...rest] = entry.split('/')
  const family = isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  const bits = family === 4 ? 32 : 128
  return /^\d+$/.test(prefix) && Number(prefix) <= bits
}
