import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/**
 * The graph of relative imports between the TypeScript files under a folder: each file (its path
 * relative to the repository's root) with the files it imports. Read from the text, not the
 * compiler, so that it is quick; a specifier is whatever follows `from` (imports and re-exports,
 * type-only ones too) or a bare `import '…'`, and `.js` names the `.ts` file beside it.
 */
export type ImportGraph = ReadonlyMap<string, readonly string[]>

// An import clause holds names, braces, `*`, `as` and `type`: never `(`, `=` or a quote, so a
// declaration that starts with `export` is not read on into the text after it.
const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\s[^;'"()=]*?from\s*['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.[^'"]+)['"]/g

export function readImportGraph(root: string, folder: string): ImportGraph {
  const graph = new Map<string, string[]>()
  for (const file of typeScriptFiles(join(root, folder))) {
    const text = readFileSync(file, 'utf8')
    const imported = new Set<string>()
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = (match[1] ?? match[2])!
      const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'))
      imported.add(relative(root, target))
    }
    graph.set(relative(root, file), [...imported].sort())
  }
  return graph
}

function typeScriptFiles(folder: string): string[] {
  const files: string[] = []
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) files.push(...typeScriptFiles(path))
    else if (entry.name.endsWith('.ts')) files.push(path)
  }
  return files.sort()
}

/**
 * Every cycle of imports, each once, as the files along it (the first repeated at the end).
 * Found with Tarjan's strongly connected components; a component of more than one file, or a file
 * that imports itself, holds at least one cycle, and one of them is shown.
 */
export function findImportCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>()
  const lowLink = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  let next = 0

  const visit = (file: string): void => {
    index.set(file, next)
    lowLink.set(file, next)
    next += 1
    stack.push(file)
    onStack.add(file)
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue
      if (!index.has(target)) {
        visit(target)
        lowLink.set(file, Math.min(lowLink.get(file)!, lowLink.get(target)!))
      } else if (onStack.has(target)) {
        lowLink.set(file, Math.min(lowLink.get(file)!, index.get(target)!))
      }
    }
    if (lowLink.get(file) !== index.get(file)) return
    const component: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      component.push(member)
    } while (member !== file)
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) {
      cycles.push(cycleWithin(graph, new Set(component), file))
    }
  }

  for (const file of graph.keys()) {
    if (!index.has(file)) visit(file)
  }
  return cycles
}

/** One path from `start` back to itself that stays inside the component (breadth first). */
function cycleWithin(graph: ImportGraph, component: ReadonlySet<string>, start: string): string[] {
  const cameFrom = new Map<string, string>()
  const queue = [start]
  while (queue.length > 0) {
    const file = queue.shift()!
    for (const target of graph.get(file) ?? []) {
      if (!component.has(target)) continue
      if (target === start) {
        const path: string[] = []
        for (let at = file; at !== start; at = cameFrom.get(at)!) path.unshift(at)
        return [start, ...path, start]
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, file)
        queue.push(target)
      }
    }
  }
  return [start]
}
