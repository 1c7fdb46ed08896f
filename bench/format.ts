/** Small helpers every benchmark prints with, so the figures line up. */

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })

export function int(value: number): string {
  return INTEGER.format(value)
}

export function dec(value: number): string {
  return DECIMAL.format(value)
}

export function pct(ratio: number): string {
  if (ratio < 0.001) return `${(ratio * 100).toFixed(3)}%`
  if (ratio < 0.1) return `${(ratio * 100).toFixed(2)}%`
  return `${(ratio * 100).toFixed(1)}%`
}

export function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`
}

/**
 * Prints rows as columns; `align` has one letter a column, `l` or `r`
 * (default: the first column left, the others right).
 */
export function printTable(rows: readonly (readonly string[])[], align = 'l'): void {
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length)
    })
  }
  for (const row of rows) {
    const cells = row.map((cell, i) => {
      const width = widths[i] ?? 0
      return (align[i] ?? 'r') === 'l' ? cell.padEnd(width) : cell.padStart(width)
    })
    console.log(`  ${cells.join('  ').trimEnd()}`)
  }
}

export function heading(text: string): void {
  console.log(`\n== ${text} ${'='.repeat(Math.max(0, 72 - text.length))}`)
}

/** One target a benchmark checks, for the summary at the end. */
export interface TargetResult {
  readonly target: string
  readonly figure: string
  readonly pass: boolean
}
