import { join } from 'node:path'
import { readImportGraph } from './import-graph.js'

/**
 * `npx tsx scripts/capability-imports.ts`: lists, for each pair of capability folders of src/app
 * and src/db, which file imports which, so that the knots between capabilities can be seen and
 * the direction of their dependencies checked. A file at a layer's root (src/app/errors.ts) or in
 * src/db/engine belongs to no capability and is left out.
 */
const ROOT = join(import.meta.dirname, '..')
const LAYERS = ['src/app', 'src/db']

function capabilityOf(file: string): string | null {
  for (const layer of LAYERS) {
    const rest = file.startsWith(`${layer}/`) ? file.slice(layer.length + 1) : null
    const folder = rest?.includes('/') ? rest.slice(0, rest.indexOf('/')) : null
    if (folder !== null && folder !== 'engine') return folder
  }
  return null
}

const edges = new Map<string, string[]>()
for (const layer of LAYERS) {
  for (const [file, imported] of readImportGraph(ROOT, layer)) {
    const from = capabilityOf(file)
    if (from === null || file.endsWith('.test.ts')) continue
    for (const target of imported) {
      const to = capabilityOf(target)
      if (to === null || to === from) continue
      const pair = `${from} -> ${to}`
      edges.set(pair, [...(edges.get(pair) ?? []), `${file} -> ${target}`])
    }
  }
}

for (const pair of [...edges.keys()].sort()) {
  const reverse = pair.split(' -> ').reverse().join(' -> ')
  console.log(`${pair}${edges.has(reverse) ? '   (both ways)' : ''}`)
  for (const line of edges.get(pair)!) console.log(`  ${line}`)
}
