import type { FastifyPluginAsync, FastifyPluginOptions } from 'fastify'

/**
 * Marks a plugin as shared: its hooks, decorators and handlers apply to the
 * instance that registers it rather than to a private child context. This is
 * what `fastify-plugin` does; we set the two symbols Fastify reads ourselves
 * because `fastify-plugin` is not one of our declared dependencies.
 */
export function sharedPlugin<Options extends FastifyPluginOptions>(
  name: string,
  plugin: FastifyPluginAsync<Options>,
): FastifyPluginAsync<Options> {
  const marked = plugin as FastifyPluginAsync<Options> & Record<symbol, unknown>
  marked[Symbol.for('skip-override')] = true
  marked[Symbol.for('fastify.display-name')] = name
  marked[Symbol.for('plugin-meta')] = { name }
  return marked
}
