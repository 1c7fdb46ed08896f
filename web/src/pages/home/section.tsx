import type { ReactNode } from 'react'
import { useT } from '../../i18n/use-t'
import { ProblemMessage } from '../../ui/problem-message'

/** One part of home: its heading, and its list once loaded (or why it could not be). */
export function HomeSection(props: {
  readonly id: string
  readonly title: string
  readonly query: { isPending: boolean; error: unknown }
  readonly empty: string | null
  readonly children: ReactNode
}) {
  const t = useT()
  return (
    <section aria-labelledby={props.id} className="home-section">
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
