import { escapeHtml } from './escape-html.js'

/**
 * The HTML alternative of a mail, laid out from its plain text, so that the
 * two parts always say the same thing. Every composer writes its text in
 * one house form, which this reads:
 *
 * - blocks are separated by a blank line; a line `-- ` starts the footer
 *   (where to get help);
 * - a block of `  Label:   value` lines (a deeper indent continues the
 *   value) is a table of facts;
 * - an unindented line followed by indented ones is a heading and its items;
 * - anything else is a paragraph, its lines kept as lines.
 *
 * Every character of the text is escaped; web addresses become links.
 * Styles are inline: many mail programs drop a `<style>` element.
 */
export function renderMailHtml(subject: string, text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const footerAt = lines.indexOf('-- ')
  const body = footerAt === -1 ? lines : lines.slice(0, footerAt)
  const footer = footerAt === -1 ? [] : lines.slice(footerAt + 1)
  const parts = blocksOf(body).map(renderBlock)
  const help = footer.map((line) => line.trim()).filter((line) => line !== '')
  if (help.length > 0) {
    parts.push(
      `<hr style="border:none;border-top:1px solid #d0d4d9;margin:24px 0 16px">`,
      `<p style="margin:0;color:#50565e;font-size:14px">${help.map(inline).join('<br>')}</p>`,
    )
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f3f4f6">',
    `<div style="max-width:640px;margin:0 auto;padding:24px;background:#ffffff;color:#1b1e22;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">`,
    ...parts,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

const FIELD = /^ {2}(\S[^:]*?):\s+(\S.*)$/
const CONTINUATION = /^ {3,}\S/
const INDENTED = /^\s+\S/

function blocksOf(lines: readonly string[]): string[][] {
  const blocks: string[][] = []
  let current: string[] = []
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current)
      current = []
    } else {
      current.push(line.trimEnd())
    }
  }
  if (current.length > 0) blocks.push(current)
  return blocks
}

function renderBlock(block: readonly string[]): string {
  if (isFacts(block)) return renderFacts(block)
  if (
    block.length > 1 &&
    !INDENTED.test(block[0]!) &&
    block.slice(1).every((l) => INDENTED.test(l))
  )
    return renderSection(block[0]!, block.slice(1))
  return `<p style="margin:0 0 16px">${block.map((line) => inline(line.trim())).join('<br>')}</p>`
}

function isFacts(block: readonly string[]): boolean {
  return FIELD.test(block[0]!) && block.every((line) => FIELD.test(line) || CONTINUATION.test(line))
}

function renderFacts(block: readonly string[]): string {
  const rows: { label: string; values: string[] }[] = []
  for (const line of block) {
    const field = FIELD.exec(line)
    if (field) rows.push({ label: field[1]!, values: [field[2]!] })
    else rows.at(-1)!.values.push(line.trim())
  }
  const cells = rows.map(
    (row) =>
      `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 16px 4px 0;font-weight:bold;white-space:nowrap">${escapeHtml(row.label)}</th><td style="vertical-align:top;padding:4px 0">${row.values.map(inline).join('<br>')}</td></tr>`,
  )
  return `<table style="border-collapse:collapse;margin:0 0 16px">\n${cells.join('\n')}\n</table>`
}

function renderSection(heading: string, lines: readonly string[]): string {
  // An item starts at the section's own indent; a deeper line continues it.
  const indent = Math.min(...lines.map((line) => line.length - line.trimStart().length))
  const items: string[][] = []
  for (const line of lines) {
    const deeper = line.length - line.trimStart().length > indent
    if (deeper && items.length > 0) items.at(-1)!.push(line.trim())
    else items.push([line.trim()])
  }
  return [
    `<h2 style="margin:24px 0 8px;font-size:18px">${inline(heading.trim())}</h2>`,
    ...items.map((item) => `<p style="margin:0 0 8px">${item.map(inline).join('<br>')}</p>`),
  ].join('\n')
}

// Trailing punctuation ends a sentence, not the address.
const WEB_ADDRESS = /https?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)]/g

/** A line of text as HTML: escaped, its web addresses made links. */
function inline(text: string): string {
  let html = ''
  let from = 0
  for (const match of text.matchAll(WEB_ADDRESS)) {
    const address = match[0]
    html += `${escapeHtml(text.slice(from, match.index))}<a href="${escapeHtml(address)}">${escapeHtml(address)}</a>`
    from = match.index + address.length
  }
  return html + escapeHtml(text.slice(from))
}
