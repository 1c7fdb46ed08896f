import type { Eligibility } from '../../app/retakes/decide-eligibility.js'
import { type EligibilityView, toEligibilityView } from '../../app/retakes/eligibility-view.js'
import { formatInstant, formatInZone } from '../../domain/instant.js'

/** Stand-ins for the instant asked about, UTC and local: no text of an answer holds a NUL. */
const AT = '\u0000at\u0000'
const AT_LOCAL = '\u0000at-local\u0000'
/** The stand-ins as JSON writes them, each named in the split. */
const STAND_IN = /\\u0000(at|at-local)\\u0000/

/** An answer's JSON cut where the instant asked about goes: text, stand-in name, text, … */
type Template = readonly string[]

/** Per decision: seen once (`SEEN`), its template, or null when it cannot have one. */
const templates = new WeakMap<object, Template | typeof SEEN | null>()
const SEEN = Symbol('seen once')

/**
 * The eligibility answer as JSON text. A candidate's pages ask the same
 * question again and again, and a decision holds for a stretch of time
 * (`Eligibility.sameAnswer`), so from the second time a decision is asked
 * about its answer is written once by the route's own serializer, with
 * stand-ins where the instant asked about goes, and each later answer only
 * puts that instant in: the bytes `serialize` would give, for a small part
 * of its cost (a test holds the two together). A decision asked about once
 * (every one on PostgreSQL, whose reads are not remembered) is written as
 * it is.
 */
export function eligibilityAnswer(
  eligibility: Eligibility,
  serializer: () => (view: EligibilityView) => string,
): string {
  const key = eligibility.sameAnswer
  let template = templates.get(key)
  if (template === undefined) {
    templates.set(key, SEEN)
    template = null
  } else if (template === SEEN) {
    template = templateOf(eligibility, serializer())
    templates.set(key, template)
  }
  if (template === null) return serializer()(toEligibilityView(eligibility))
  const at = formatInstant(eligibility.at)
  let text = template[0]!
  for (let i = 1; i < template.length; i += 2) {
    text += template[i] === 'at' ? at : formatInZone(eligibility.at, eligibility.timeZone)
    text += template[i + 1]!
  }
  return text
}

/** The answer with stand-ins, cut at them; null if the stand-ins are not all where expected. */
function templateOf(
  eligibility: Eligibility,
  serialize: (view: EligibilityView) => string,
): Template | null {
  const view = toEligibilityView(eligibility)
  const eligible = eligibility.decision.eligible
  // An eligible decision's earliest instant is the instant asked about.
  const withStandIns: EligibilityView = eligible
    ? { ...view, at: AT, earliestAt: AT, earliestAtLocal: AT_LOCAL }
    : { ...view, at: AT }
  const parts = serialize(withStandIns).split(STAND_IN)
  return parts.length === (eligible ? 7 : 3) ? parts : null
}
