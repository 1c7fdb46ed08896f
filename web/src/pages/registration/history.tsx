import { useIntl } from 'react-intl'
import type { paths } from '../../api/schema'
import { dateTimeFormat } from '../../i18n/formatters'
import { useReader } from '../../i18n/reader'
import { useT } from '../../i18n/use-t'

type Entry =
  paths['/v1/registrations/{id}']['get']['responses'][200]['content']['application/json']['history'][number]

/** Everything done to the booking, when, by whom (by name when a person acted for the candidate), how and why. */
export function History(props: {
  readonly entries: readonly Entry[]
  /** Words for an action the API gives no sentence for; its bare name otherwise. */
  readonly actionLabel?: (action: string) => string | undefined
}) {
  const { entries } = props
  const t = useT()
  const intl = useIntl()
  const reader = useReader()
  // dateStyle cannot be combined with timeZoneName: the fields are spelt out.
  const when = dateTimeFormat(intl.locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  })
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t('registration.history')}</h2>
      {/* Each entry's sentence is the one the candidate reads ("for you"): staff are told so. */}
      {reader.subject !== null && (
        <p className="secondary">
          {t('registration.history.asRead', { name: reader.subject.name })}
        </p>
      )}
      <ol className="plain-list">
        {entries.map((entry) => (
          <li key={`${entry.at}-${entry.action}`}>
            <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>:{' '}
            {entry.summary ?? props.actionLabel?.(entry.action) ?? entry.action}{' '}
            <span className="secondary">
              (
              {t('registration.history.by', {
                who: entry.actor.displayName ?? entry.actor.tokenLabel ?? entry.actor.role,
                how: t(
                  `channel.${entry.channel as 'web' | 'phone' | 'api' | 'email' | 'chat' | 'in-person'}`,
                ),
              })}
              )
            </span>
            {entry.reason !== null && (
              <div className="secondary">
                {t('registration.history.reason', { reason: entry.reason })}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
