/** The media types a browser's page is; the JSON ones an API client asks for. */
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml'])
const JSON_TYPES = new Set(['application/json', 'application/problem+json'])

/**
 * Whether a request's `Accept` header asks for a page rather than JSON: it
 * names `text/html` (a browser submitting a form always does) with a weight
 * no lower than any it gives JSON. Wildcards count for neither, so a client
 * sending `*\/*`, or nothing, is answered as the API answers.
 *
 * @example
 * prefersHtml('text/html,application/xhtml+xml,*\/*;q=0.8') // true
 * prefersHtml('application/json') // false
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (accept === undefined) return false
  let html = 0
  let json = 0
  for (const range of accept.split(',')) {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase())
    const weight = weightOf(parameters)
    if (HTML_TYPES.has(type)) html = Math.max(html, weight)
    if (JSON_TYPES.has(type)) json = Math.max(json, weight)
  }
  return html > 0 && html >= json
}

/** A media range's `q`, 1 when absent; a malformed one counts as 0, as a range nobody can be sure was meant. */
function weightOf(parameters: readonly string[]): number {
  const q = parameters.find((parameter) => parameter.startsWith('q='))
  if (q === undefined) return 1
  const value = Number(q.slice(2))
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : 0
}
