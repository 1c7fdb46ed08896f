import type { ReactNode } from 'react'
import { useT } from '../i18n/use-t'
import { ProblemMessage } from './problem-message'

/** One part of a page that reads the API: its heading, and its content once loaded (or why it could not be). */
export function QuerySection(props: {
  readonly id: string
  readonly title: string
  readonly query: { isPending: boolean; error: unknown }
  readonly empty: string | null
  readonly children: ReactNode
}) {
  const t = useT()
  return (
    <section aria-labelledby={props.id} aria-busy={props.query.isPending} className="page-section">
      <h2 id={props.id}>{props.title}</h2>
      {props.query.isPending && <p>{t('common.loading')}</p>}
      {props.query.error != null && <ProblemMessage error={props.query.error} />}
      {!props.query.isPending && props.query.error == null && props.empty !== null && (
        <p className="secondary">{props.empty}</p>
      )}
      {props.children}
    </section>
  )
}
