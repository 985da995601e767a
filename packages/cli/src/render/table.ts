import { escapeControl } from '../output/escape.js'

/**
 * Lays out rows as a plain-text table: the first row is the header, columns are padded to their
 * widest cell, the first column left-aligned and the others right-aligned (they hold numbers).
 * Cells hold names from the input (stages, scenarios), so their control characters are escaped.
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderTable = (table: ReadonlyArray<ReadonlyArray<string>>): string => {
  const rows = table.map((row) => row.map(escapeControl))
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length)
    })
  }
  const line = (row: ReadonlyArray<string>) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')
  const [header, ...body] = rows
  if (header === undefined) return ''
  const rule = widths.map((width) => '-'.repeat(width)).join('  ')
  return [line(header), rule, ...body.map(line)].join('\n')
}
