import { useIntl } from 'react-intl'
import { readerTimeZone } from '../../../time/format'

/**
 * An instant that belongs to no place (a token's expiry, an account's
 * creation), read in a table: on the reader's clock, short, its zone named.
 */
export function OnReaderClock({ at }: { at: string }) {
  const intl = useIntl()
  const text = new Intl.DateTimeFormat(intl.locale, {
    timeZone: readerTimeZone(),
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(at))
  return <time dateTime={at}>{text}</time>
}
