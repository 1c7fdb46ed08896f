import { useEffect, useRef } from 'react'

export interface SummaryEntry {
  /** The id of the field (or the fact) the problem is about: its link leads there. */
  readonly target: string
  readonly sentence: string
}

/**
 * Every problem of a refused form at the top, each a link to its field
 * (GOV.UK's error summary). It takes the focus when a refusal arrives, so
 * that a screen reader reads it and a keyboard starts from it.
 */
export function ErrorSummary(props: {
  readonly title: string
  readonly intro: string
  readonly entries: readonly SummaryEntry[]
  /** The refusal shown: a new one takes the focus again, a re-render does not. */
  readonly refusal: unknown
}) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (props.refusal !== null) box.current?.focus()
  }, [props.refusal])
  return (
    <div
      ref={box}
      id="error-summary"
      className="error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">{props.title}</h2>
      <p>{props.intro}</p>
      <ul className="error-summary-list">
        {props.entries.map((entry) => (
          <li key={`${entry.target}-${entry.sentence}`}>
            <a
              className="error-summary-link"
              href={`#${entry.target}`}
              onClick={(event) => focusTarget(event, entry.target)}
            >
              {entry.sentence}
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** The field itself takes the focus (the first choice of a group), not merely the scroll position. */
function focusTarget(event: { preventDefault(): void }, id: string): void {
  const target = document.getElementById(id)
  if (target === null) return
  event.preventDefault()
  const focusable = target.matches('input, textarea, select, button, [tabindex]')
    ? target
    : target.querySelector<HTMLElement>('input, textarea, select, button')
  ;(focusable ?? target).focus()
  target.scrollIntoView({ block: 'center' })
}
