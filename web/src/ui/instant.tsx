import { useIntl } from 'react-intl'
import { useT } from '../i18n/use-t'
import { clocksDiffer, formatOnClock, readerTimeZone } from '../time/format'

/**
 * An instant on the clock that matters (a centre's), its zone named, and on
 * the reader's own clock beside it when that shows another time.
 */
export function Instant({ at, timeZone }: { at: string; timeZone: string }) {
  const intl = useIntl()
  const t = useT()
  const reader = readerTimeZone()
  return (
    <span className="instant">
      <time dateTime={at}>{formatOnClock(intl.locale, at, timeZone)}</time>
      {clocksDiffer(at, timeZone, reader) && (
        <span className="secondary">
          {' '}
          {t('time.yourClock', { time: formatOnClock(intl.locale, at, reader) })}
        </span>
      )}
    </span>
  )
}
