import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findImportCycles, readImportGraph } from '../../scripts/import-graph.js'

const ROOT = join(import.meta.dirname, '..', '..')

/**
 * No file of src/ imports itself back through others (type-only imports
 * count too): a cycle is how two capabilities end up knotted, as
 * app/audit-wave and app/compose-wave once were.
 */
describe('import cycles', () => {
  it('finds none between the files of src/', () => {
    const graph = readImportGraph(ROOT, 'src')
    expect(graph.size).toBeGreaterThan(100)
    expect(findImportCycles(graph).map((cycle) => cycle.join(' -> '))).toEqual([])
  })

  it('reads imports and re-exports, and finds a cycle through them', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['d.ts']],
      ['e.ts', ['a.ts']],
    ])
    expect(findImportCycles(graph)).toEqual([
      ['d.ts', 'd.ts'],
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
    ])
  })

  it('resolves what src/ really imports', () => {
    const graph = readImportGraph(ROOT, 'src')
    expect(graph.get('src/app/registrations/dry-run-registration.ts')).toContain(
      'src/app/registrations/register.ts',
    )
    // A type-only import, spread over several lines.
    expect(graph.get('src/app/registrations/register.ts')).toContain('src/app/actor.ts')
  })
})
